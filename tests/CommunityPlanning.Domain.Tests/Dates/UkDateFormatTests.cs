using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

public class UkDateFormatTests
{
    [Theory]
    [InlineData("2025-03-14", "Fri 14 Mar 2025")]
    [InlineData("2025-12-10", "Wed 10 Dec 2025")]
    [InlineData("2026-09-01", "Tue 1 Sep 2026")] // never "Sept", whatever ICU says
    [InlineData("2028-02-29", "Tue 29 Feb 2028")]
    [InlineData("2026-03-29", "Sun 29 Mar 2026")]
    [InlineData("2026-06-08", "Mon 8 Jun 2026")]
    [InlineData("2026-07-04", "Sat 4 Jul 2026")]
    [InlineData("2026-01-01", "Thu 1 Jan 2026")]
    public void Day_AnyDate_WritesShortEnglishForm(string date, string expected)
    {
        Assert.Equal(expected, UkDateFormat.Day(D(date)));
    }

    [Fact]
    public void Day_UnderOtherCurrentCulture_IsUnchanged()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal("Fri 14 Mar 2025", UkDateFormat.Day(D("2025-03-14")));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("2025-03-14T19:00:00Z", "Fri 14 Mar 2025 at 7:00pm")]
    [InlineData("2025-03-14T19:30:00Z", "Fri 14 Mar 2025 at 7:30pm")]
    [InlineData("2025-07-14T18:30:00Z", "Mon 14 Jul 2025 at 7:30pm")] // BST: UTC 18:30 is 19:30
    [InlineData("2025-07-14T11:00:00Z", "Mon 14 Jul 2025 at 12:00pm")]
    [InlineData("2025-01-14T00:05:00Z", "Tue 14 Jan 2025 at 12:05am")]
    [InlineData("2025-01-14T09:07:00Z", "Tue 14 Jan 2025 at 9:07am")]
    [InlineData("2026-03-29T23:30:00Z", "Mon 30 Mar 2026 at 12:30am")] // London date differs from UTC's
    [InlineData("2026-10-25T00:30:00Z", "Sun 25 Oct 2026 at 1:30am")]
    [InlineData("2026-10-25T01:30:00Z", "Sun 25 Oct 2026 at 1:30am")] // the repeated hour
    [InlineData("2025-03-14T20:00:00+01:00", "Fri 14 Mar 2025 at 7:00pm")] // any offset in
    public void DayAndTime_Instant_WritesLondonWallClock(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, UkDateFormat.DayAndTime(value));
    }

    [Theory]
    [InlineData("2025-12-10", "today")]
    [InlineData("2025-12-11", "tomorrow")]
    [InlineData("2025-12-09", "yesterday")]
    [InlineData("2025-12-13", "in 3 days")]
    [InlineData("2025-12-16", "in 6 days")]
    [InlineData("2025-12-07", "3 days ago")]
    [InlineData("2025-12-04", "6 days ago")]
    [InlineData("2025-12-17", "Wed 17 Dec 2025")]
    [InlineData("2025-12-03", "Wed 3 Dec 2025")]
    [InlineData("2026-01-01", "Thu 1 Jan 2026")]
    public void Relative_FromWed10Dec2025_WritesWordsNearTodayElseDay(string date, string expected)
    {
        Assert.Equal(expected, UkDateFormat.Relative(D(date), D("2025-12-10")));
    }

    [Fact]
    public void Relative_AcrossYearEnd_CountsDays()
    {
        Assert.Equal("tomorrow", UkDateFormat.Relative(D("2026-01-01"), D("2025-12-31")));
        Assert.Equal("in 2 days", UkDateFormat.Relative(D("2026-01-02"), D("2025-12-31")));
    }
}
