using CommunityPlanning.Domain.Meetings;

namespace CommunityPlanning.Domain.Tests.Meetings;

public sealed class MeetingTimeParserTests
{
    // Wed 12 Mar 2025, 10:00 GMT.
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7pm", 19, 0)]
    [InlineData("7 pm", 19, 0)]
    [InlineData("7.30pm", 19, 30)]
    [InlineData("7:30 p.m.", 19, 30)]
    [InlineData("19:00", 19, 0)]
    [InlineData("09.15", 9, 15)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("noon", 12, 0)]
    [InlineData("Midday", 12, 0)]
    public void TryParseTime_CommonForms_ReadsTheTime(string text, int hour, int minute)
    {
        Assert.True(MeetingTimeParser.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("24:00")]
    [InlineData("7:75pm")]
    [InlineData("seven")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseTime_NotATime_IsFalse(string? text) => Assert.False(MeetingTimeParser.TryParseTime(text, out _));

    [Theory]
    [InlineData("Fri 14 March 7pm", "2025-03-14T19:00:00+00:00")]
    [InlineData("14/3 at 19:00", "2025-03-14T19:00:00+00:00")]
    [InlineData("7.30pm on Friday", "2025-03-14T19:30:00+00:00")]
    [InlineData("tomorrow at noon", "2025-03-13T12:00:00+00:00")]
    [InlineData("Thursday 3 April, 6:45pm", "2025-04-03T18:45:00+01:00")]
    [InlineData("next Tuesday 7pm.", "2025-03-18T19:00:00+00:00")]
    public void Parse_DateAndTime_IsLondonTime(string text, string expected)
    {
        var result = MeetingTimeParser.Parse(text, Now);
        Assert.True(result.Success, result.Problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.When);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, result.When!.Value.Offset);
    }

    [Fact]
    public void Parse_NoTime_AsksForTheTime()
    {
        var result = MeetingTimeParser.Parse("Fri 14 March", Now);
        Assert.False(result.Success);
        Assert.Contains("What time", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoDate_AsksForTheDay()
    {
        var result = MeetingTimeParser.Parse("7pm", Now);
        Assert.False(result.Success);
        Assert.Contains("Which day", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimeAlreadyPassedToday_IsRefused()
    {
        var result = MeetingTimeParser.Parse("today 9am", Now);
        Assert.False(result.Success);
        Assert.Contains("already passed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotADate_SaysWhyAndGivesAnExample()
    {
        var result = MeetingTimeParser.Parse("whenever suits 7pm", Now);
        Assert.False(result.Success);
        Assert.Contains("next meeting Tue 14 March 7pm", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongWeekdayForTheDate_IsRefused()
    {
        // 14 March 2025 is a Friday.
        var result = MeetingTimeParser.Parse("Tue 14 March 7pm", Now);
        Assert.False(result.Success);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("at at at 99:99pm")]
    [InlineData("\u0000\u0001")]
    public void Parse_Nonsense_NeverThrows(string text) => Assert.False(MeetingTimeParser.Parse(text, Now).Success);
}
