using System.Globalization;
using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>How meeting things read in messages.</summary>
internal static class MeetingText
{
    public const string NoMeetingOpen = "No meeting is open. Type \"meeting start\" to start one.";

    public const string MeetingEnded = "That meeting has ended. Type \"minutes\" to see its minutes, or \"meeting start\" to start a new one.";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => UkDateFormat.Day(date);

    public static string When(DateTimeOffset instant) => UkDateFormat.DayAndTime(instant);

    public static string Quote(string text) => $"\u201C{text}\u201D";

    public static string Names(IEnumerable<string> names, string none)
    {
        var list = names.ToList();
        return list.Count == 0 ? none : string.Join(", ", list);
    }

    /// <summary>Collapses spaces and trims; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
