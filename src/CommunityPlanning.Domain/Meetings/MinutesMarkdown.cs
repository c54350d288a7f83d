using System.Globalization;
using System.Text;
using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Writes minutes as a Markdown document. People's text is escaped, so it cannot change the document's shape.</summary>
public static class MinutesMarkdown
{
    /// <summary>The Markdown for a meeting's minutes.</summary>
    public static string Render(MinutesSummary minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var md = new StringBuilder();
        var heading = minutes.CommunityName is { } community ? $"{Escape(community)} steering group: minutes" : "Steering group minutes";
        md.Append("# ").AppendLine(heading).AppendLine();
        Line(md, $"**Meeting:** {Period(minutes.StartedAt, minutes.EndedAt)}");
        Line(md, $"**Chair:** {Escape(minutes.Chair)}");
        Line(md, minutes.ClosedAutomatically
            ? $"**Closed:** automatically, {MeetingRules.AutoCloseAfter.TotalHours.ToString(CultureInfo.InvariantCulture)} hours after it started, because nobody ended it"
            : $"**Ended by:** {Escape(minutes.ClosedBy!)}");
        md.AppendLine();

        Section(md, "Present", minutes.Attendees.Select(Escape), "Nobody recorded as here.");
        Section(md, "Apologies", minutes.Apologies.Select(Escape), "None.");
        md.AppendLine("## Quorum").AppendLine().AppendLine(Escape(QuorumText(minutes.Quorum))).AppendLine();
        if (minutes.Agenda.Count > 0)
        {
            Section(md, "Agenda items added", minutes.Agenda.Select(Escape), string.Empty);
        }

        Section(md, "Checklist items completed", minutes.Ticked.Select(t => $"Step {t.Step}: {Escape(t.Item)} (ticked by {Escape(t.By)})"), "None ticked during the meeting.");
        Section(md, "Decisions", minutes.Decisions.Select(d => $"{Escape(d.Text)} (recorded by {Escape(d.By)}, {Clock(d.At)})"), "None recorded.");
        Section(md, "Actions", minutes.Actions.Select(ActionLine), "None agreed.");
        Section(md, "Notes", minutes.Notes.Select(n => $"{Escape(n.Text)} ({Escape(n.By)})"), "None.");
        md.AppendLine("## Next meeting").AppendLine();
        md.AppendLine(minutes.NextMeeting is { } next ? UkDateFormat.DayAndTime(next) : "Not set yet.");
        return md.ToString();
    }

    /// <summary>The quorum, to follow a "Quorum" label: "Met: 4 here, 3 needed", or that none is set.</summary>
    public static string QuorumText(QuorumStatus? quorum) => quorum switch
    {
        null => "None set yet. Add it to step 2's \"How the group runs\" form.",
        { Met: true } => string.Create(CultureInfo.InvariantCulture, $"Met: {quorum.Present} here, {quorum.Required} needed"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Not met: {quorum.Present} here, {quorum.Required} needed"),
    };

    /// <summary>Escapes text for Markdown: punctuation that could start formatting, links or HTML is backslash-escaped; line breaks become spaces.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    output.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '<' or '>' or '~' or '&':
                    output.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        return output.ToString();
    }

    private static string ActionLine(MinutesAction action)
    {
        var owner = action.Owner is { } o ? Escape(o) : "nobody yet";
        var due = action.Due is { } d ? $", due {UkDateFormat.Day(d)}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{action.Id}. {Escape(action.Title)} ({owner}{due})");
    }

    /// <summary>When a meeting ran: "Fri 14 Mar 2025 at 7:00pm to 9:00pm", with the end's date too when it ended on another day.</summary>
    public static string Period(DateTimeOffset start, DateTimeOffset end)
    {
        var sameDay = UkTime.ToLondon(start).Date == UkTime.ToLondon(end).Date;
        return $"{UkDateFormat.DayAndTime(start)} to {(sameDay ? Clock(end) : UkDateFormat.DayAndTime(end))}";
    }

    private static string Clock(DateTimeOffset instant)
    {
        var full = UkDateFormat.DayAndTime(instant);
        return full[(full.IndexOf(" at ", StringComparison.Ordinal) + 4)..];
    }

    private static void Line(StringBuilder md, string text) => md.Append(text).AppendLine("  ");

    private static void Section(StringBuilder md, string title, IEnumerable<string> items, string empty)
    {
        md.Append("## ").AppendLine(title).AppendLine();
        var any = false;
        foreach (var item in items)
        {
            md.Append("- ").AppendLine(item);
            any = true;
        }

        if (!any)
        {
            md.AppendLine(empty);
        }

        md.AppendLine();
    }
}
