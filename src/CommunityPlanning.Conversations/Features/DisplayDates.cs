using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Conversations.Features;

/// <summary>Dates as people read them: Europe/London, "Fri 14 Mar 2025".</summary>
internal static class DisplayDates
{
    public static string Day(DateTimeOffset instant) => UkDateFormat.Day(DateOnly.FromDateTime(UkTime.ToLondon(instant).DateTime));
}
