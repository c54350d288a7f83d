using CommunityPlanning.Domain.Dates;
using static CommunityPlanning.Domain.Tests.Dates.TestDates;

namespace CommunityPlanning.Domain.Tests.Dates;

public class DatePhraseParserFindDueDateTests
{
    private static readonly DateOnly Today = D("2025-12-10"); // a Wednesday

    [Theory]
    [InlineData("book the hall for 12 March by Friday", "book the hall for 12 March", "2025-12-12")]
    [InlineData("Book the hall by Friday", "Book the hall", "2025-12-12")]
    [InlineData("Book the hall by Friday.", "Book the hall", "2025-12-12")]
    [InlineData("BOOK THE HALL BY FRIDAY", "BOOK THE HALL", "2025-12-12")]
    [InlineData("Book the hall by Friday, please", "Book the hall, please", "2025-12-12")]
    [InlineData("Book the hall by Friday and tell Jo", "Book the hall and tell Jo", "2025-12-12")]
    [InlineData("Book the hall, by Friday!", "Book the hall", "2025-12-12")]
    [InlineData("Book the hall - by Friday", "Book the hall", "2025-12-12")]
    [InlineData("Book the hall by Friday and pass by the shop", "Book the hall and pass by the shop", "2025-12-12")]
    [InlineData("Pass by the shop by tomorrow", "Pass by the shop", "2025-12-11")]
    [InlineData("Send the survey to the printers before 14/1", "Send the survey to the printers", "2026-01-14")]
    [InlineData("Draft the leaflet due next Friday", "Draft the leaflet", "2025-12-19")]
    [InlineData("Report due by end of the month", "Report", "2025-12-31")]
    [InlineData("Order leaflets no later than 14th March 2026", "Order leaflets", "2026-03-14")]
    [InlineData("Book the hall by 19/12 for the open day on 14 March", "Book the hall for the open day on 14 March", "2025-12-19")]
    [InlineData("Write up notes by Friday by Monday at the latest", "Write up notes by Friday at the latest", "2025-12-15")]
    [InlineData("Call Jo on Friday", "Call Jo", "2025-12-12")]
    [InlineData("Call Jo on the 14th.", "Call Jo", "2025-12-14")]
    [InlineData("Ask the parish council   by   next   week", "Ask the parish council", "2025-12-15")]
    [InlineData("Put up posters in 2 weeks by the 20th", "Put up posters in 2 weeks", "2025-12-20")]
    public void FindDueDate_SentenceWithDuePhrase_SplitsTitleAndDate(string text, string title, string due)
    {
        var result = DatePhraseParser.FindDueDate(text, Today);

        Assert.Equal(title, result.Title);
        Assert.True(result.HasDueDate, result.DueDate?.FailureReason);
        Assert.Equal(D(due), result.DueDate!.Date);
    }

    [Theory]
    [InlineData("Book the hall for 12 March")] // "for" describes the thing, not when it's due
    [InlineData("Meet Jo on Friday to plan the survey")] // "on" only counts at the end
    [InlineData("Stand by the door")]
    [InlineData("Chase the overdue invoices")]
    [InlineData("Tidy the standby list")]
    [InlineData("Cut heating costs by 10-12%")]
    [InlineData("Cut heating costs by 1.5 percent")]
    [InlineData("Book the hall")]
    [InlineData("")]
    public void FindDueDate_NoDuePhrase_KeepsWholeTitle(string text)
    {
        var result = DatePhraseParser.FindDueDate(text, Today);

        Assert.Equal(text, result.Title);
        Assert.Null(result.DueDate);
        Assert.False(result.HasDueDate);
    }

    [Fact]
    public void FindDueDate_TitleWithTrailingSpaceAndFullStop_IsTrimmed()
    {
        Assert.Equal("Book the hall", DatePhraseParser.FindDueDate("  Book the hall.  ", Today).Title);
    }

    [Fact]
    public void FindDueDate_ImpossibleDate_ReportsReasonAndStillStripsIt()
    {
        var result = DatePhraseParser.FindDueDate("Book the hall by 31/2", Today);

        Assert.Equal("Book the hall", result.Title);
        Assert.False(result.HasDueDate);
        Assert.Equal("I couldn't work out the date \"31/2\": February hasn't got 31 days.", result.DueDate?.FailureReason);
    }

    [Fact]
    public void FindDueDate_NextMeetingWithContext_UsesMeetingDate()
    {
        var result = DatePhraseParser.FindDueDate(
            "Print posters by the next meeting", Today, new DatePhraseContext(D("2026-01-14")));

        Assert.Equal("Print posters", result.Title);
        Assert.Equal(D("2026-01-14"), result.DueDate?.Date);
    }

    [Fact]
    public void FindDueDate_NextMeetingWithoutContext_ExplainsNoMeeting()
    {
        var result = DatePhraseParser.FindDueDate("Print posters by the next meeting", Today);

        Assert.Equal("Print posters", result.Title);
        Assert.Equal(
            "There's no meeting planned yet, so I can't tell when the next meeting is.", result.DueDate?.FailureReason);
    }

    [Fact]
    public void FindDueDate_Found_SpanCoversIntroducerAndPhrase()
    {
        const string text = "Book the hall for 12 March due by Friday 19th, please";

        var due = DatePhraseParser.FindDueDate(text, Today).DueDate!;

        Assert.Equal("due by Friday 19th", text.Substring(due.Start, due.Length));
        Assert.Equal(D("2025-12-19"), due.Date);
    }

    [Fact]
    public void FindDueDate_PastDate_IsFlagged()
    {
        var result = DatePhraseParser.FindDueDate("Send minutes by yesterday", Today);

        Assert.True(result.DueDate?.IsInPast);
    }

    [Fact]
    public void FindDueDate_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DatePhraseParser.FindDueDate(null!, Today));
    }
}
