using System.Globalization;

namespace CommunityPlanning.Domain.Tests.Dates;

/// <summary>Readable date literals for test tables: "2025-12-10".</summary>
internal static class TestDates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A clock stopped at one instant; all the date code needs is "now".</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
