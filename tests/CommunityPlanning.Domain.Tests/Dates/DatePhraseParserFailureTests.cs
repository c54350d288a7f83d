using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

public class DatePhraseParserFailureTests
{
    private const string Wed10Dec2025 = "2025-12-10";

    [Theory]
    [InlineData(Wed10Dec2025, "31/2", "I couldn't work out the date \"31/2\": February hasn't got 31 days.")]
    [InlineData(Wed10Dec2025, "30/2", "I couldn't work out the date \"30/2\": February hasn't got 30 days.")]
    [InlineData(Wed10Dec2025, "32/1", "I couldn't work out the date \"32/1\": January hasn't got 32 days.")]
    [InlineData(Wed10Dec2025, "31/4/2026", "I couldn't work out the date \"31/4/2026\": April hasn't got 31 days.")]
    [InlineData(Wed10Dec2025, "31 June", "I couldn't work out the date \"31 June\": June hasn't got 31 days.")]
    [InlineData(Wed10Dec2025, "29/2/2027",
        "I couldn't work out the date \"29/2/2027\": 2027 isn't a leap year, so February has only 28 days.")]
    [InlineData(Wed10Dec2025, "29 Feb 2100",
        "I couldn't work out the date \"29 Feb 2100\": 2100 isn't a leap year, so February has only 28 days.")]
    [InlineData(Wed10Dec2025, "0/3", "I couldn't work out the date \"0/3\": days of the month start at 1.")]
    [InlineData(Wed10Dec2025, "3/14",
        "I couldn't work out the date \"3/14\": there are only 12 months, and I read dates day first (14/3 is 14 March).")]
    [InlineData(Wed10Dec2025, "2027-13-01",
        "I couldn't work out the date \"2027-13-01\": there are only 12 months, and I read dates day first (14/3 is 14 March).")]
    [InlineData(Wed10Dec2025, "the 32nd", "I couldn't work out the date \"the 32nd\": no month has 32 days.")]
    [InlineData("2026-04-10", "the 31st", "I couldn't work out the date \"the 31st\": April hasn't got 31 days.")]
    [InlineData("2025-11-05", "by the 31st", "I couldn't work out the date \"the 31st\": November hasn't got 31 days.")]
    [InlineData("2026-02-10", "the 30th", "I couldn't work out the date \"the 30th\": February hasn't got 30 days.")]
    [InlineData("2028-02-29", "the 30th", "I couldn't work out the date \"the 30th\": February hasn't got 30 days.")]
    [InlineData("2026-01-31", "the 30th", "I couldn't work out the date \"the 30th\": February hasn't got 30 days.")]
    [InlineData(Wed10Dec2025, "Tue 14 Mar 2025",
        "I couldn't work out the date \"Tue 14 Mar 2025\": 14 March 2025 is a Friday, not a Tuesday.")]
    [InlineData(Wed10Dec2025, "Monday the 12th",
        "I couldn't work out the date \"Monday the 12th\": 12 December 2025 is a Friday, not a Monday.")]
    [InlineData(Wed10Dec2025, "14/3/0000", "I couldn't work out the date \"14/3/0000\": I can't use the year 0.")]
    public void Parse_ImpossibleDate_FailsWithFriendlyReason(string today, string phrase, string expected)
    {
        var result = DatePhraseParser.Parse(phrase, D(today));

        Assert.False(result.Success);
        Assert.Equal(expected, result.FailureReason);
        Assert.Equal(default, result.Date);
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("soon")]
    [InlineData("March")]
    [InlineData("14")]
    [InlineData("14/3 at 7pm")]
    [InlineData("Friday maybe")]
    [InlineData("14/3/202")]
    [InlineData("1/2/3/4")]
    [InlineData("14.3")] // dotted dates need a year: this is more likely a decimal
    [InlineData("14/3.2027")] // mixed separators
    [InlineData("10-12%")]
    [InlineData("end of Marchington")]
    [InlineData("in many weeks")]
    [InlineData("by")]
    [InlineData("٣/٣")] // Arabic-Indic digits: not ours to guess
    public void Parse_NotADate_FailsSuggestingWhatToType(string phrase)
    {
        var result = DatePhraseParser.Parse(phrase, D(Wed10Dec2025));

        Assert.False(result.Success);
        Assert.Equal(
            $"I couldn't work out a date from \"{phrase}\". Try something like \"Friday\", \"14 March\", \"14/3\" or \"in 2 weeks\".",
            result.FailureReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ?! ")]
    public void Parse_Empty_AsksForADate(string phrase)
    {
        var result = DatePhraseParser.Parse(phrase, D(Wed10Dec2025));

        Assert.False(result.Success);
        Assert.Equal("Please give a date, for example \"Friday\", \"14 March\", \"14/3\" or \"in 2 weeks\".", result.FailureReason);
    }

    [Fact]
    public void Parse_LongNonsense_QuotesOnlyTheStart()
    {
        var result = DatePhraseParser.Parse(new string('x', 500), D(Wed10Dec2025));

        Assert.False(result.Success);
        Assert.True(result.FailureReason.Length < 150, result.FailureReason);
    }

    [Theory]
    [InlineData("next meeting")]
    [InlineData("by the next meeting")]
    public void Parse_NextMeetingWithoutContext_SaysNoMeetingPlanned(string phrase)
    {
        var withoutContext = DatePhraseParser.Parse(phrase, D(Wed10Dec2025));
        var withoutMeeting = DatePhraseParser.Parse(phrase, D(Wed10Dec2025), new DatePhraseContext());

        const string expected = "There's no meeting planned yet, so I can't tell when the next meeting is.";
        Assert.Equal(expected, withoutContext.FailureReason);
        Assert.Equal(expected, withoutMeeting.FailureReason);
    }

    [Fact]
    public void Parse_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DatePhraseParser.Parse(null!, D(Wed10Dec2025)));
    }

    [Fact]
    public void Parse_TodayAtEndOfCalendar_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatePhraseParser.Parse("Friday", DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("in 999 years", "9998-06-01")]
    [InlineData("in 999 months", "9998-06-01")]
    [InlineData("999 years ago", "0002-06-01")]
    public void Parse_OffsetPastEndOfCalendar_FailsInsteadOfThrowing(string phrase, string today)
    {
        var result = DatePhraseParser.Parse(phrase, D(today));

        Assert.False(result.Success);
        Assert.Contains("too far away", result.FailureReason, StringComparison.Ordinal);
    }
}
