using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// <c>agenda add …</c> puts an item on the agenda of the open meeting, or of the next one; <c>agenda</c>
/// shows what is waiting.
/// </summary>
public sealed partial class AgendaCommand : ICommand
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!match.Groups["text"].Success)
        {
            Show(context);
            return ValueTask.CompletedTask;
        }

        var text = MeetingText.Clean(match.Groups["text"].Value);
        if (text is null)
        {
            context.Say("What should go on the agenda? Type it after the words, like \"agenda add the summer fete stall\".");
            return ValueTask.CompletedTask;
        }

        if (text.Length > MeetingRules.MaxAgendaLength)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"That agenda item is {text.Length} characters long; please keep it under {MeetingRules.MaxAgendaLength}."));
            return ValueTask.CompletedTask;
        }

        if (context.State.PendingAgenda().Count >= MeetingRules.MaxPendingAgenda)
        {
            context.Say(string.Create(CultureInfo.InvariantCulture, $"The agenda already has {MeetingRules.MaxPendingAgenda} items waiting. They're cleared when a meeting ends."));
            return ValueTask.CompletedTask;
        }

        var id = MeetingIds.NewEntryId(context.State, AgendaItemRecord.KeyFor, context.Now, context.Turn.From.Id);
        context.State.Put(new AgendaItemRecord(id, text, context.Turn.From, context.Now));
        if (context.State.OpenMeeting() is { } meeting)
        {
            MeetingCard.Refresh(context, meeting, $"Added to this meeting's agenda: {MeetingText.Quote(text)}");
        }
        else
        {
            var next = context.State.NextMeetingAfter(context.Now) is { } when ? $" for the meeting on {MeetingText.When(when)}" : " for the next meeting";
            context.Say($"Added to the agenda{next}: {MeetingText.Quote(text)}. Type \"agenda\" to see it all.");
        }

        return ValueTask.CompletedTask;
    }

    private static void Show(TurnContext context)
    {
        var items = context.State.PendingAgenda();
        var next = context.State.NextMeetingAfter(context.Now);
        var lines = items.Select((a, i) => $"{MeetingText.Number(i + 1)}. {a.Text} (added by {a.By.Name})").ToList();
        context.Show(new Card
        {
            Title = "Agenda",
            Subtitle = context.State.OpenMeeting() is not null ? "This meeting" : next is { } when ? $"Next meeting: {MeetingText.When(when)}" : "Next meeting",
            Blocks =
            [
                new TextBlock(lines.Count == 0 ? "Nothing added yet." : string.Join("\n", lines)),
                new TextBlock("Add items with \"agenda add …\". At the meeting I also list actions due and the step's open checklist items.", TextTone.Subtle),
            ],
        });
    }

    [GeneratedRegex(
        @"^(?:agenda|show (?:the )?agenda|(?:agenda (?:add|item)|add (?:to (?:the )?agenda|(?:an )?agenda item)|agenda\s*[:\-–])\s*[:\-–]?\s*(?<text>.*))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Matcher();
}
