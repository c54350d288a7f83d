using System.Globalization;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Bot.Plans;

/// <summary>A meeting's minutes as a Word document: the same content as the Markdown, under real headings.</summary>
internal static class MinutesDocx
{
    /// <summary>The document's bytes.</summary>
    public static byte[] Write(MinutesSummary minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var title = minutes.CommunityName is { } community ? $"{community} steering group: minutes" : "Steering group minutes";
        using var doc = new DocxWriter(title, null);
        doc.Paragraph(title, DocxWriter.TitleStyle);
        doc.Paragraph(MinutesMarkdown.Period(minutes.StartedAt, minutes.EndedAt), DocxWriter.SubtitleStyle);
        doc.Paragraph($"Chair: {minutes.Chair}");
        doc.Paragraph(minutes.ClosedAutomatically
            ? string.Create(CultureInfo.InvariantCulture, $"Closed automatically, {MeetingRules.AutoCloseAfter.TotalHours} hours after it started, because nobody ended it.")
            : $"Ended by: {minutes.ClosedBy}");
        doc.Heading(1, "Minutes");
        Section(doc, "Present", minutes.Attendees, "Nobody recorded as here.");
        Section(doc, "Apologies", minutes.Apologies, "None.");
        doc.Heading(2, "Quorum");
        doc.Paragraph(MinutesMarkdown.QuorumText(minutes.Quorum));
        if (minutes.Agenda.Count > 0)
        {
            Section(doc, "Agenda items added", minutes.Agenda, string.Empty);
        }

        Section(doc, "Checklist items completed", minutes.Ticked.Select(t => string.Create(CultureInfo.InvariantCulture, $"Step {t.Step}: {t.Item} (ticked by {t.By})")).ToList(), "None ticked during the meeting.");
        Section(doc, "Decisions", minutes.Decisions.Select(d => $"{d.Text} (recorded by {d.By})").ToList(), "None recorded.");
        Section(doc, "Actions", minutes.Actions.Select(a =>
            string.Create(CultureInfo.InvariantCulture, $"{a.Id}. {a.Title} ({a.Owner ?? "nobody yet"}{(a.Due is { } due ? ", due " + UkDateFormat.Day(due) : string.Empty)})")).ToList(), "None agreed.");
        Section(doc, "Notes", minutes.Notes.Select(n => $"{n.Text} ({n.By})").ToList(), "None.");
        doc.Heading(2, "Next meeting");
        doc.Paragraph(minutes.NextMeeting is { } next ? UkDateFormat.DayAndTime(next) : "Not set yet.");
        return doc.Finish(landscape: false);
    }

    private static void Section(DocxWriter doc, string title, IReadOnlyList<string> items, string empty)
    {
        doc.Heading(2, title);
        if (items.Count == 0)
        {
            doc.Paragraph(empty);
            return;
        }

        foreach (var item in items)
        {
            // One list item per entry, whatever line breaks it holds.
            doc.Text("• " + item.Replace('\n', ' ').Replace('\r', ' '));
        }
    }
}
