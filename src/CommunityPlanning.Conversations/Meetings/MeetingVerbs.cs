namespace CommunityPlanning.Conversations.Meetings;

/// <summary>The verbs of the meeting and minutes cards, and the data keys they carry.</summary>
public static class MeetingVerbs
{
    /// <summary>"I'm here" (data: meeting).</summary>
    public const string Here = "meeting.here";

    /// <summary>A tick on the meeting card's checklist (data: meeting, step, item, done).</summary>
    public const string Tick = "meeting.tick";

    /// <summary>Opens the small apologies form (data: meeting).</summary>
    public const string ApologiesForm = "meeting.apologies.form";

    /// <summary>Saves apologies for the member picked on the form (data: meeting; input: member).</summary>
    public const string Apologies = "meeting.apologies";

    /// <summary>Shows the meeting card as it is now (data: meeting).</summary>
    public const string Refresh = "meeting.refresh";

    /// <summary>Asks whether to end the meeting (data: meeting).</summary>
    public const string EndAsk = "meeting.end.ask";

    /// <summary>Ends the meeting and writes the minutes (data: meeting).</summary>
    public const string End = "meeting.end";

    /// <summary>Shows one meeting's minutes (data: meeting).</summary>
    public const string ShowMinutes = "minutes.show";

    /// <summary>Lists past minutes.</summary>
    public const string ListMinutes = "minutes.list";

    /// <summary>The data key naming the meeting.</summary>
    public const string MeetingKey = "m";

    /// <summary>The data key naming the step of a checklist tick.</summary>
    public const string StepKey = "step";

    /// <summary>The input naming the member who sent apologies.</summary>
    public const string MemberInput = "member";

    /// <summary>True for verbs of the meeting card.</summary>
    public static bool IsMeetingCardVerb(string verb) =>
        verb is Here or Tick or ApologiesForm or Apologies or Refresh or EndAsk or End;
}
