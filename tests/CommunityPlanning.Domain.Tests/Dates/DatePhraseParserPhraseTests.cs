using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

/// <summary>
/// The phrase table. Todays: Wed 10 Dec 2025, Wed 31 Dec 2025, Sat 28 Feb 2026, Sun 29 Mar 2026 (BST starts),
/// Sun 25 Oct 2026 (BST ends), Tue 29 Feb 2028 (leap day).
/// </summary>
public class DatePhraseParserPhraseTests
{
    [Theory]
    // --- Wed 10 Dec 2025 ---
    [InlineData("2025-12-10", "today", "2025-12-10")]
    [InlineData("2025-12-10", "Tonight", "2025-12-10")]
    [InlineData("2025-12-10", "tomorrow", "2025-12-11")]
    [InlineData("2025-12-10", "tmrw", "2025-12-11")]
    [InlineData("2025-12-10", "the day after tomorrow", "2025-12-12")]
    [InlineData("2025-12-10", "Friday", "2025-12-12")]
    [InlineData("2025-12-10", "fri", "2025-12-12")]
    [InlineData("2025-12-10", "Wednesday", "2025-12-10")] // bare weekday: today counts
    [InlineData("2025-12-10", "Tues", "2025-12-16")]
    [InlineData("2025-12-10", "Thurs", "2025-12-11")]
    [InlineData("2025-12-10", "thu", "2025-12-11")]
    [InlineData("2025-12-10", "Monday", "2025-12-15")]
    [InlineData("2025-12-10", "this Friday", "2025-12-12")]
    [InlineData("2025-12-10", "this coming Sunday", "2025-12-14")]
    [InlineData("2025-12-10", "next Friday", "2025-12-19")] // Friday of next week, not the day after tomorrow
    [InlineData("2025-12-10", "next Wednesday", "2025-12-17")]
    [InlineData("2025-12-10", "next Monday", "2025-12-15")]
    [InlineData("2025-12-10", "14/3", "2026-03-14")]
    [InlineData("2025-12-10", "14/03", "2026-03-14")]
    [InlineData("2025-12-10", "14/1", "2026-01-14")] // no year: next occurrence, so next January
    [InlineData("2025-12-10", "10/12", "2025-12-10")] // today counts
    [InlineData("2025-12-10", "14/3/27", "2027-03-14")]
    [InlineData("2025-12-10", "14/3/2027", "2027-03-14")]
    [InlineData("2025-12-10", "14-3-2027", "2027-03-14")]
    [InlineData("2025-12-10", "14.3.2027", "2027-03-14")]
    [InlineData("2025-12-10", "14-3", "2026-03-14")]
    [InlineData("2025-12-10", "2027-03-14", "2027-03-14")]
    [InlineData("2025-12-10", "14 March", "2026-03-14")]
    [InlineData("2025-12-10", "14th March", "2026-03-14")]
    [InlineData("2025-12-10", "March 14", "2026-03-14")]
    [InlineData("2025-12-10", "March 14th", "2026-03-14")]
    [InlineData("2025-12-10", "14 Mar", "2026-03-14")]
    [InlineData("2025-12-10", "14th of March", "2026-03-14")]
    [InlineData("2025-12-10", "the 14th of March", "2026-03-14")]
    [InlineData("2025-12-10", "14th March 2027", "2027-03-14")]
    [InlineData("2025-12-10", "March 14th, 2027", "2027-03-14")]
    [InlineData("2025-12-10", "1st Jan", "2026-01-01")]
    [InlineData("2025-12-10", "2nd February", "2026-02-02")]
    [InlineData("2025-12-10", "3rd Sept", "2026-09-03")]
    [InlineData("2025-12-10", "21st December", "2025-12-21")]
    [InlineData("2025-12-10", "22nd Dec", "2025-12-22")]
    [InlineData("2025-12-10", "23rd Dec 2025", "2025-12-23")]
    [InlineData("2025-12-10", "31st Dec", "2025-12-31")]
    [InlineData("2025-12-10", "the 14th", "2025-12-14")]
    [InlineData("2025-12-10", "the 10th", "2025-12-10")]
    [InlineData("2025-12-10", "the 9th", "2026-01-09")] // passed this month: next month
    [InlineData("2025-12-10", "the 31st", "2025-12-31")]
    [InlineData("2025-12-10", "14th", "2025-12-14")]
    [InlineData("2025-12-10", "end of month", "2025-12-31")]
    [InlineData("2025-12-10", "end of the month", "2025-12-31")]
    [InlineData("2025-12-10", "the end of next month", "2026-01-31")]
    [InlineData("2025-12-10", "end of March", "2026-03-31")]
    [InlineData("2025-12-10", "end of the week", "2025-12-12")]
    [InlineData("2025-12-10", "end of next week", "2025-12-19")]
    [InlineData("2025-12-10", "end of the year", "2025-12-31")]
    [InlineData("2025-12-10", "next week", "2025-12-15")]
    [InlineData("2025-12-10", "next month", "2026-01-01")]
    [InlineData("2025-12-10", "next year", "2026-01-01")]
    [InlineData("2025-12-10", "in 2 weeks", "2025-12-24")]
    [InlineData("2025-12-10", "in two weeks", "2025-12-24")]
    [InlineData("2025-12-10", "in 3 days", "2025-12-13")]
    [InlineData("2025-12-10", "in a week", "2025-12-17")]
    [InlineData("2025-12-10", "in a fortnight", "2025-12-24")]
    [InlineData("2025-12-10", "a fortnight", "2025-12-24")]
    [InlineData("2025-12-10", "in 2 months", "2026-02-10")]
    [InlineData("2025-12-10", "in three weeks' time", "2025-12-31")]
    [InlineData("2025-12-10", "in a couple of weeks", "2025-12-24")]
    [InlineData("2025-12-10", "in twelve days", "2025-12-22")]
    [InlineData("2025-12-10", "Wed 10 Dec 2025", "2025-12-10")]
    [InlineData("2025-12-10", "Friday 12 December", "2025-12-12")]
    [InlineData("2025-12-10", "Friday, 12th December", "2025-12-12")]
    [InlineData("2025-12-10", "Friday the 12th", "2025-12-12")]
    [InlineData("2025-12-10", "  FRIDAY!! ", "2025-12-12")]
    [InlineData("2025-12-10", "next   friday.", "2025-12-19")]
    [InlineData("2025-12-10", "by Friday", "2025-12-12")]
    [InlineData("2025-12-10", "on 14/3.", "2026-03-14")]
    [InlineData("2025-12-10", "no later than 14 March", "2026-03-14")]
    [InlineData("2025-12-10", "29/2", "2028-02-29")] // waits for the next leap year
    // --- Wed 31 Dec 2025: year end ---
    [InlineData("2025-12-31", "tomorrow", "2026-01-01")]
    [InlineData("2025-12-31", "in 1 day", "2026-01-01")]
    [InlineData("2025-12-31", "next week", "2026-01-05")]
    [InlineData("2025-12-31", "next month", "2026-01-01")]
    [InlineData("2025-12-31", "next year", "2026-01-01")]
    [InlineData("2025-12-31", "end of the month", "2025-12-31")]
    [InlineData("2025-12-31", "end of next month", "2026-01-31")]
    [InlineData("2025-12-31", "end of the year", "2025-12-31")]
    [InlineData("2025-12-31", "end of February", "2026-02-28")]
    [InlineData("2025-12-31", "the 1st", "2026-01-01")]
    [InlineData("2025-12-31", "the 31st", "2025-12-31")]
    [InlineData("2025-12-31", "the 30th", "2026-01-30")]
    [InlineData("2025-12-31", "31/12", "2025-12-31")]
    [InlineData("2025-12-31", "30/12", "2026-12-30")]
    [InlineData("2025-12-31", "1/1", "2026-01-01")]
    [InlineData("2025-12-31", "in 2 months", "2026-02-28")] // 31 Feb doesn't exist: last day of February
    [InlineData("2025-12-31", "Friday", "2026-01-02")]
    [InlineData("2025-12-31", "next Friday", "2026-01-09")]
    // --- Sat 28 Feb 2026: month end, weekend ---
    [InlineData("2026-02-28", "tomorrow", "2026-03-01")]
    [InlineData("2026-02-28", "end of the month", "2026-02-28")]
    [InlineData("2026-02-28", "end of next month", "2026-03-31")]
    [InlineData("2026-02-28", "the 1st", "2026-03-01")]
    [InlineData("2026-02-28", "the 28th", "2026-02-28")]
    [InlineData("2026-02-28", "end of the week", "2026-03-06")] // weekend: the coming Friday
    [InlineData("2026-02-28", "end of next week", "2026-03-13")]
    [InlineData("2026-02-28", "Friday", "2026-03-06")]
    [InlineData("2026-02-28", "next Friday", "2026-03-06")]
    [InlineData("2026-02-28", "Saturday", "2026-02-28")]
    [InlineData("2026-02-28", "next week", "2026-03-02")]
    [InlineData("2026-02-28", "in a month", "2026-03-28")]
    [InlineData("2026-02-28", "29/2", "2028-02-29")]
    [InlineData("2026-02-28", "1/3", "2026-03-01")]
    // --- Sun 29 Mar 2026: BST starts ---
    [InlineData("2026-03-29", "today", "2026-03-29")]
    [InlineData("2026-03-29", "tomorrow", "2026-03-30")]
    [InlineData("2026-03-29", "next week", "2026-03-30")]
    [InlineData("2026-03-29", "end of the week", "2026-04-03")]
    [InlineData("2026-03-29", "Sunday", "2026-03-29")]
    [InlineData("2026-03-29", "next Monday", "2026-03-30")]
    [InlineData("2026-03-29", "the 31st", "2026-03-31")]
    [InlineData("2026-03-29", "end of March", "2026-03-31")]
    [InlineData("2026-03-29", "in a week", "2026-04-05")]
    // --- Sun 25 Oct 2026: BST ends ---
    [InlineData("2026-10-25", "tomorrow", "2026-10-26")]
    [InlineData("2026-10-25", "next Friday", "2026-10-30")]
    [InlineData("2026-10-25", "the 31st", "2026-10-31")]
    [InlineData("2026-10-25", "end of next month", "2026-11-30")]
    [InlineData("2026-10-25", "in a fortnight", "2026-11-08")]
    [InlineData("2026-10-25", "5/11", "2026-11-05")]
    // --- Tue 29 Feb 2028: leap day ---
    [InlineData("2028-02-29", "tomorrow", "2028-03-01")]
    [InlineData("2028-02-29", "29/2", "2028-02-29")]
    [InlineData("2028-02-29", "28/2", "2029-02-28")]
    [InlineData("2028-02-29", "29 Feb 2028", "2028-02-29")]
    [InlineData("2028-02-29", "the 29th", "2028-02-29")]
    [InlineData("2028-02-29", "end of the month", "2028-02-29")]
    [InlineData("2028-02-29", "next month", "2028-03-01")]
    [InlineData("2028-02-29", "in a year", "2029-02-28")] // no 29 Feb 2029: last day of February
    [InlineData("2028-02-29", "in 4 years", "2032-02-29")]
    public void Parse_PhraseOnFixedToday_GivesExpectedDate(string today, string phrase, string expected)
    {
        var result = DatePhraseParser.Parse(phrase, D(today));

        Assert.True(result.Success, result.FailureReason);
        Assert.Equal(D(expected), result.Date);
        Assert.False(result.IsInPast);
    }

    [Theory]
    [InlineData("2025-12-10", "yesterday", "2025-12-09")]
    [InlineData("2025-12-10", "this Monday", "2025-12-08")]
    [InlineData("2025-12-10", "last Friday", "2025-12-05")]
    [InlineData("2025-12-10", "last Wednesday", "2025-12-03")]
    [InlineData("2025-12-10", "3 days ago", "2025-12-07")]
    [InlineData("2025-12-10", "a week ago", "2025-12-03")]
    [InlineData("2025-12-10", "Fri 14 Mar 2025", "2025-03-14")]
    [InlineData("2025-12-10", "9/12/2025", "2025-12-09")]
    [InlineData("2026-02-28", "this Friday", "2026-02-27")]
    [InlineData("2026-03-29", "last Sunday", "2026-03-22")]
    [InlineData("2026-03-29", "this Monday", "2026-03-23")]
    [InlineData("2028-02-29", "yesterday", "2028-02-28")]
    public void Parse_PastPhrase_GivesDateFlaggedAsPast(string today, string phrase, string expected)
    {
        var result = DatePhraseParser.Parse(phrase, D(today));

        Assert.True(result.Success, result.FailureReason);
        Assert.Equal(D(expected), result.Date);
        Assert.True(result.IsInPast);
    }

    [Theory]
    [InlineData("next meeting")]
    [InlineData("the next meeting")]
    [InlineData("by the next meeting")]
    [InlineData("By the next steering group meeting.")]
    public void Parse_NextMeetingWithContext_GivesMeetingDate(string phrase)
    {
        var context = new DatePhraseContext(D("2026-01-14"));

        var result = DatePhraseParser.Parse(phrase, D("2025-12-10"), context);

        Assert.True(result.Success, result.FailureReason);
        Assert.Equal(D("2026-01-14"), result.Date);
    }

    [Fact]
    public void Parse_PhraseWithIntroducerAndPunctuation_SpanCoversIntroducerNotPunctuation()
    {
        const string text = "  by Friday!";

        var result = DatePhraseParser.Parse(text, D("2025-12-10"));

        Assert.Equal("by Friday", text.Substring(result.Start, result.Length));
    }

    [Fact]
    public void TryParse_ValidPhrase_ReturnsTrueAndDate()
    {
        Assert.True(DatePhraseParser.TryParse("14/3", D("2025-12-10"), out var date));
        Assert.Equal(D("2026-03-14"), date);
    }

    [Fact]
    public void TryParse_NoDate_ReturnsFalse()
    {
        Assert.False(DatePhraseParser.TryParse("someday", D("2025-12-10"), out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParse_NextMeetingWithContext_ReturnsMeetingDate()
    {
        var context = new DatePhraseContext(D("2026-01-14"));

        Assert.True(DatePhraseParser.TryParse("next meeting", D("2025-12-10"), context, out var date));
        Assert.Equal(D("2026-01-14"), date);
    }
}
