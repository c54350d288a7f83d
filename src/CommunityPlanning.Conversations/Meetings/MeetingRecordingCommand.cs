using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// What people type during a meeting: <c>decision …</c>, <c>note …</c>, <c>here</c>, <c>apologies @Sam</c>.
/// Each adds its own row, so several people typing at once never lose each other's words. The refreshed
/// meeting card comes back as a new message with a short confirmation (a typed message has no card to update).
/// </summary>
public sealed partial class MeetingRecordingCommand : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (context.State.OpenMeeting() is not { } meeting)
        {
            context.Say(match.Groups["decision"].Success
                ? "No meeting is open, so I can't add that to any minutes. Type \"meeting start\" first, then the decision."
                : MeetingText.NoMeetingOpen);
            return ValueTask.CompletedTask;
        }

        if (match.Groups["decision"].Success)
        {
            AddDecision(context, meeting, match.Groups["text"].Value);
        }
        else if (match.Groups["note"].Success)
        {
            AddNote(context, meeting, match.Groups["text"].Value);
        }
        else if (match.Groups["here"].Success)
        {
            var added = MeetingAccess.MarkPresent(context, meeting, context.Turn.From);
            Confirm(context, meeting, added ? $"Welcome, {context.Turn.From.Name}: you're down as here." : $"You're already down as here, {context.Turn.From.Name}.");
        }
        else
        {
            Apologies(context, meeting, match.Groups["who"].Value);
        }

        return ValueTask.CompletedTask;
    }

    private static void AddDecision(TurnContext context, MeetingRecord meeting, string raw)
    {
        var text = MeetingText.Clean(raw);
        if (text is null)
        {
            context.Say("What was decided? Type it after the word, like \"decision hold the launch event on 12 April\".");
            return;
        }

        if (text.Length > MeetingRules.MaxDecisionLength || context.State.Decisions(meeting.Id).Count >= MeetingRules.MaxEntriesPerMeeting)
        {
            context.Say(TooMuch("decision", text.Length, MeetingRules.MaxDecisionLength));
            return;
        }

        var id = MeetingIds.NewEntryId(context.State, e => DecisionRecord.KeyFor(meeting.Id, e), context.Now, context.Turn.From.Id);
        context.State.Put(new DecisionRecord(meeting.Id, id, text, context.Turn.From, context.Now));
        Confirm(context, meeting, $"Decision recorded: {MeetingText.Quote(text)}");
    }

    private static void AddNote(TurnContext context, MeetingRecord meeting, string raw)
    {
        var text = MeetingText.Clean(raw);
        if (text is null)
        {
            context.Say("What's the note? Type it after the word, like \"note the hall is booked until 9pm\".");
            return;
        }

        if (text.Length > MeetingRules.MaxNoteLength || context.State.MeetingNotes(meeting.Id).Count >= MeetingRules.MaxEntriesPerMeeting)
        {
            context.Say(TooMuch("note", text.Length, MeetingRules.MaxNoteLength));
            return;
        }

        var id = MeetingIds.NewEntryId(context.State, e => MeetingNoteRecord.KeyFor(meeting.Id, e), context.Now, context.Turn.From.Id);
        context.State.Put(new MeetingNoteRecord(meeting.Id, id, text, context.Turn.From, context.Now));
        Confirm(context, meeting, "Note added to the minutes.");
    }

    private static void Apologies(TurnContext context, MeetingRecord meeting, string who)
    {
        var members = Named(context, who);
        if (members.Count == 0)
        {
            context.Say($"I don't know who {MeetingText.Quote(who.Trim())} is. Mention them, like \"apologies @Sam\", or use \"Record apologies\" on the meeting card.");
            return;
        }

        var lines = new List<string>();
        foreach (var member in members)
        {
            if (!MeetingAccess.MayRecordApologies(context, meeting, member))
            {
                lines.Add($"Only the chair or secretary can send apologies for {member.Name}. You can send your own with \"apologies\".");
                continue;
            }

            lines.Add(MeetingAccess.RecordApologies(context, meeting, member) switch
            {
                ApologiesOutcome.Recorded => $"Apologies recorded for {member.Name}.",
                ApologiesOutcome.AlreadyRecorded => $"{member.Name}'s apologies are already recorded.",
                _ => $"{member.Name} is down as here, so I haven't recorded apologies. They can say \"apologies\" themselves if they're leaving.",
            });
        }

        Confirm(context, meeting, string.Join("\n", lines));
    }

    // "apologies" alone is the sender's own; otherwise the people mentioned, or members named in full.
    private static List<MemberRef> Named(TurnContext context, string who)
    {
        if (context.Turn.Mentions.Count > 0)
        {
            return context.Turn.Mentions.DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();
        }

        var name = MeetingText.Clean(who);
        if (name is null || name.Equals("me", StringComparison.OrdinalIgnoreCase) || name.Equals("mine", StringComparison.OrdinalIgnoreCase))
        {
            return [context.Turn.From];
        }

        return context.State.OfType<MemberRecord>()
            .Where(m => m.Active && string.Equals(m.Member.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Member)
            .Take(1)
            .ToList();
    }

    private static void Confirm(TurnContext context, MeetingRecord meeting, string text) =>
        MeetingCard.Refresh(context, meeting, text);

    private static string TooMuch(string what, int length, int max) =>
        length > max
            ? string.Create(CultureInfo.InvariantCulture, $"That {what} is {length} characters long; please keep it under {max}, or split it in two.")
            : string.Create(CultureInfo.InvariantCulture, $"This meeting already has {MeetingRules.MaxEntriesPerMeeting} of those, the most one set of minutes holds. End the meeting and start a new one to carry on.");

    [GeneratedRegex(
        @"^(?:(?<decision>decision|decided|we decided|we agreed|agreed|resolved)\b(?:\s+that\b)?\s*[:\-–]?\s*(?<text>.*)|(?<note>note|meeting note)\b\s*[:\-–]?\s*(?<text>.*)|(?<here>here|i'?m here|i am here|present|arrived|i'?ve arrived)|(?<apologies>apologies from|apologies for|sends? apologies(?: from| for)?|apologies)\b\s*(?<who>.*))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Matcher();
}
