using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>Minutes as cards: one meeting's minutes, and the list of past meetings.</summary>
public static class MinutesCards
{
    /// <summary>Most lines shown per section on a card; the download has everything.</summary>
    public const int MaxLinesPerSection = 15;

    /// <summary>Most meetings in the list.</summary>
    public const int MaxListed = 20;

    /// <summary>The minutes card, with a download link when the host provides links.</summary>
    public static Card Minutes(MinutesSummary minutes, Uri? download, IReadOnlyDictionary<string, string> listData, Uri? word = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var facts = new List<Fact>
        {
            new("Chair", minutes.Chair),
            new("Present", MeetingText.Names(minutes.Attendees, "Nobody recorded")),
            new("Apologies", MeetingText.Names(minutes.Apologies, "None")),
            new("Quorum", MinutesMarkdown.QuorumText(minutes.Quorum)),
            new("Next meeting", minutes.NextMeeting is { } next ? MeetingText.When(next) : "Not set yet: type \"next meeting Tue 14 March 7pm\""),
        };
        var blocks = new List<CardBlock> { new FactsBlock(facts) };
        if (minutes.ClosedAutomatically)
        {
            blocks.Add(new TextBlock(
                string.Create(CultureInfo.InvariantCulture, $"Closed automatically: nobody ended the meeting within {MeetingRules.AutoCloseAfter.TotalHours} hours."),
                TextTone.Warning));
        }

        Section(blocks, "Agenda items added", minutes.Agenda, null);
        Section(blocks, "Checklist items completed", minutes.Ticked.Select(t => $"Step {MeetingText.Number(t.Step)}: {t.Item} ({t.By})").ToList(), "None ticked during the meeting.");
        Section(blocks, "Decisions", minutes.Decisions.Select(d => $"{d.Text} ({d.By})").ToList(), "None recorded.");
        Section(blocks, "Actions", minutes.Actions.Select(a =>
            $"{MeetingText.Number(a.Id)}. {a.Title} ({a.Owner ?? "nobody yet"}{(a.Due is { } due ? ", due " + UkDateFormat.Day(due) : string.Empty)})").ToList(), "None agreed.");
        Section(blocks, "Notes", minutes.Notes.Select(n => $"{n.Text} ({n.By})").ToList(), null);
        blocks.Add(download is null
            ? new TextBlock("Type \"minutes\" any time to see these again.", TextTone.Subtle)
            : new TextBlock("The download link works for 7 days. Type \"minutes\" for a fresh one.", TextTone.Subtle));
        return new Card
        {
            Title = minutes.CommunityName is { } community ? $"Minutes: {community} steering group" : "Minutes",
            Subtitle = MinutesMarkdown.Period(minutes.StartedAt, minutes.EndedAt),
            Blocks = blocks,
            Actions = download is null
                ? [new CardAction("All minutes", MeetingVerbs.ListMinutes, listData)]
                : word is null
                    ? [CardAction.Link("Download", download), new CardAction("All minutes", MeetingVerbs.ListMinutes, listData)]
                    : [CardAction.Link("Download", download), CardAction.Link("Word", word), new CardAction("All minutes", MeetingVerbs.ListMinutes, listData)],
        };
    }

    /// <summary>The minutes card for a stored meeting, in this group.</summary>
    public static Card Minutes(TurnContext context, MinutesRecord minutes, IMinutesLinks links)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(links);
        return Minutes(minutes.Summary, links.For(context.State.GroupId, minutes.MeetingId, context.Now), context.Data(), links.WordFor(context.State.GroupId, minutes.MeetingId, context.Now));
    }

    /// <summary>Past meetings, newest first, with buttons for the latest few.</summary>
    public static Card List(TurnContext context, IReadOnlyList<MinutesRecord> all)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(all);
        var shown = all.Take(MaxListed).ToList();
        var facts = shown.Select((m, i) => new Fact(
            $"{MeetingText.Number(i + 1)}. {MeetingText.When(m.Summary.StartedAt)}",
            string.Create(CultureInfo.InvariantCulture, $"{m.Summary.Attendees.Count} here · {Actions.ActionCards.Count(m.Summary.Decisions.Count, "decision")} · {Actions.ActionCards.Count(m.Summary.Actions.Count, "action")}{(m.Summary.ClosedAutomatically ? " · closed automatically" : string.Empty)}")))
            .ToList();
        var blocks = new List<CardBlock> { new FactsBlock(facts) };
        blocks.Add(new TextBlock(
            all.Count > MaxListed
                ? $"The latest {MeetingText.Number(MaxListed)} of {MeetingText.Number(all.Count)}. Type \"minutes 3\" to see the third, and so on."
                : "Type \"minutes 2\" to see the second, and so on.",
            TextTone.Subtle));
        return new Card
        {
            Title = "Meeting minutes",
            Subtitle = "Newest first",
            Blocks = blocks,
            Actions = shown.Take(5).Select(m => new CardAction(
                $"Show {MeetingText.Day(DateOnly.FromDateTime(UkTime.ToLondon(m.Summary.StartedAt).DateTime))}",
                MeetingVerbs.ShowMinutes,
                context.Data((MeetingVerbs.MeetingKey, m.MeetingId)))).ToList(),
        };
    }

    private static void Section(List<CardBlock> blocks, string title, IReadOnlyList<string> lines, string? empty)
    {
        if (lines.Count == 0 && empty is null)
        {
            return;
        }

        blocks.Add(new TextBlock(title, TextTone.Heading));
        if (lines.Count == 0)
        {
            blocks.Add(new TextBlock(empty!, TextTone.Subtle));
            return;
        }

        var text = string.Join("\n", lines.Take(MaxLinesPerSection).Select(l => "• " + l));
        if (lines.Count > MaxLinesPerSection)
        {
            text += $"\n• and {MeetingText.Number(lines.Count - MaxLinesPerSection)} more in the download";
        }

        blocks.Add(new TextBlock(text));
    }
}
