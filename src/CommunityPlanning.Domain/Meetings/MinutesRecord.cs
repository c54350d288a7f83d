using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>A meeting's minutes, written when it ends: the structured summary and the Markdown people download.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Summary">What happened, item by item.</param>
/// <param name="Markdown">The minutes as a Markdown document.</param>
[GroupRecord(Kind)]
public sealed record MinutesRecord(string MeetingId, MinutesSummary Summary, string Markdown) : IGroupRecord
{
    /// <summary>The key kind of minutes.</summary>
    public const string Kind = "minutes";

    /// <summary>The key prefix of every meeting's minutes.</summary>
    public static readonly string Prefix = Kind + RecordKeys.Separator;

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(MeetingId);

    /// <summary>The key of a meeting's minutes.</summary>
    public static string KeyFor(string meetingId) => RecordKeys.Of(Kind, meetingId);
}

/// <summary>What a meeting's minutes say, as data.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="CommunityName">The plan's community, for the heading.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="Chair">Who chaired it.</param>
/// <param name="ClosedBy">Who ended it; null when it was closed automatically.</param>
/// <param name="Attendees">Who was there, by name.</param>
/// <param name="Apologies">Who sent apologies, by name.</param>
/// <param name="Quorum">The quorum and whether it was met, when the group has set one.</param>
/// <param name="Agenda">Items added with "agenda add".</param>
/// <param name="Ticked">Checklist items ticked during the meeting.</param>
/// <param name="Decisions">Decisions, in order.</param>
/// <param name="Actions">Actions made during the meeting.</param>
/// <param name="Notes">Notes, in order.</param>
/// <param name="NextMeeting">The next meeting, when one is planned.</param>
public sealed record MinutesSummary(
    string MeetingId,
    string? CommunityName,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Chair,
    string? ClosedBy,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Apologies,
    QuorumStatus? Quorum,
    IReadOnlyList<string> Agenda,
    IReadOnlyList<MinutesTick> Ticked,
    IReadOnlyList<MinutesEntry> Decisions,
    IReadOnlyList<MinutesAction> Actions,
    IReadOnlyList<MinutesEntry> Notes,
    DateTimeOffset? NextMeeting)
{
    /// <summary>True when nobody ended the meeting and it was closed automatically.</summary>
    [JsonIgnore]
    public bool ClosedAutomatically => ClosedBy is null;
}

/// <summary>A checklist item ticked during a meeting.</summary>
/// <param name="Step">The step.</param>
/// <param name="Item">The item's text.</param>
/// <param name="By">Who ticked it.</param>
public sealed record MinutesTick(int Step, string Item, string By);

/// <summary>A decision or note in the minutes.</summary>
/// <param name="Text">What was said.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record MinutesEntry(string Text, string By, DateTimeOffset At);

/// <summary>An action agreed during a meeting.</summary>
/// <param name="Id">The action's number.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">Who has it, if anyone.</param>
/// <param name="Due">When it is due, if set.</param>
public sealed record MinutesAction(int Id, string Title, string? Owner, DateOnly? Due);

/// <summary>The group's quorum and whether the people here meet it.</summary>
/// <param name="Required">Members needed for a decision (from the step 2 form).</param>
/// <param name="Present">Members here.</param>
public sealed record QuorumStatus(int Required, int Present)
{
    /// <summary>True when enough members are here.</summary>
    [JsonIgnore]
    public bool Met => Present >= Required;
}
