using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

public class UkTimeTests
{
    [Theory]
    // BST starts 01:00 UTC on Sun 29 Mar 2026; ends 01:00 UTC on Sun 25 Oct 2026.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")] // GMT: still Saturday
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // GMT, the night of the change
    [InlineData("2026-03-29T23:30:00Z", "2026-03-30")] // BST: already Monday 00:30 in London
    [InlineData("2026-03-30T00:30:00Z", "2026-03-30")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")] // BST: Sunday 00:30 in London
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // BST, 01:30 the first time round
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")] // GMT again: still Sunday
    [InlineData("2026-10-26T00:30:00Z", "2026-10-26")]
    [InlineData("2025-12-31T23:59:59Z", "2025-12-31")] // winter: London is UTC
    [InlineData("2026-06-30T23:00:00Z", "2026-07-01")] // summer: an hour ahead
    public void TodayInLondon_InstantAroundClockChange_GivesLondonDate(string utc, string expected)
    {
        var clock = new StoppedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(D(expected), UkTime.TodayInLondon(clock));
    }

    [Fact]
    public void TodayInLondon_NullClock_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UkTime.TodayInLondon(null!));
    }

    [Theory]
    [InlineData("2026-01-15", "19:00", "2026-01-15T19:00:00+00:00")] // GMT
    [InlineData("2026-07-15", "19:00", "2026-07-15T19:00:00+01:00")] // BST
    [InlineData("2026-03-29", "00:30", "2026-03-29T00:30:00+00:00")] // before the spring gap
    [InlineData("2026-03-29", "01:30", "2026-03-29T02:30:00+01:00")] // in the gap: moved forward an hour
    [InlineData("2026-03-29", "02:00", "2026-03-29T02:00:00+01:00")] // after the gap
    [InlineData("2026-10-25", "01:30", "2026-10-25T01:30:00+01:00")] // happens twice: the first (BST) one
    [InlineData("2026-10-25", "00:30", "2026-10-25T00:30:00+01:00")]
    [InlineData("2026-10-25", "02:00", "2026-10-25T02:00:00+00:00")] // GMT again
    public void AtLondonTime_WallClockTime_GivesInstantWithLondonOffset(string date, string time, string expected)
    {
        var instant = UkTime.AtLondonTime(D(date), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, instant);
        Assert.Equal(want.Offset, instant.Offset);
    }

    [Fact]
    public void AtLondonTime_AutumnOverlap_IsBeforeTheSecondOccurrence()
    {
        var first = UkTime.AtLondonTime(D("2026-10-25"), new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), first.ToUniversalTime());
    }

    [Theory]
    [InlineData("2026-03-29T00:59:00Z", 0)]
    [InlineData("2026-03-29T01:00:00Z", 1)]
    [InlineData("2026-10-25T00:59:00Z", 1)]
    [InlineData("2026-10-25T01:00:00Z", 0)]
    public void ToLondon_EitherSideOfChange_HasRightOffset(string utc, int hours)
    {
        var london = UkTime.ToLondon(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromHours(hours), london.Offset);
    }

    [Fact]
    public void London_IsEuropeLondon()
    {
        Assert.Equal("Europe/London", UkTime.London.Id);
    }
}
