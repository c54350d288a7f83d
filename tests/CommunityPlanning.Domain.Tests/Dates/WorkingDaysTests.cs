using CommunityPlanning.Domain.Dates;

namespace CommunityPlanning.Domain.Tests.Dates;

public sealed class WorkingDaysTests
{
    private static BankHolidayCalendar Holidays => BankHolidayCalendar.EnglandAndWales;

    [Fact]
    public void EnglandAndWales_CoversWholeYears2018To2028() =>
        Assert.Equal((new DateOnly(2018, 1, 1), new DateOnly(2028, 12, 31)), (Holidays.CoversFrom, Holidays.CoversTo));

    [Theory]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2027-12-27", "Christmas Day")]
    [InlineData("2027-12-28", "Boxing Day")]
    public void NameOf_SpecialAndSubstituteDays_AreInTheList(string date, string name) =>
        Assert.Equal(name, Holidays.NameOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void EnglandAndWales_EveryYearHasGoodFridayAndEasterMonday()
    {
        for (var year = 2018; year <= 2028; year++)
        {
            var goodFriday = WorkingDays.GoodFriday(year);
            Assert.Equal(DayOfWeek.Friday, goodFriday.DayOfWeek);
            Assert.Equal("Good Friday", Holidays.NameOf(goodFriday));
            Assert.Equal("Easter Monday", Holidays.NameOf(goodFriday.AddDays(3)));
        }
    }

    [Theory]
    [InlineData(2027, "2027-03-26")]
    [InlineData(2025, "2025-04-18")]
    [InlineData(2028, "2028-04-14")]
    public void GoodFriday_KnownYears_IsTwoDaysBeforeEaster(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.GoodFriday(year));

    [Theory]
    [InlineData("2027-12-23", true)]
    [InlineData("2027-12-24", false)] // Christmas Eve, a Friday
    [InlineData("2027-12-25", false)]
    [InlineData("2027-12-27", false)] // substitute for Christmas Day
    [InlineData("2027-12-28", false)] // substitute for Boxing Day
    [InlineData("2027-12-29", true)]
    [InlineData("2027-03-25", true)]
    [InlineData("2027-03-26", false)] // Good Friday
    [InlineData("2027-03-29", false)] // Easter Monday
    [InlineData("2027-03-30", true)]
    [InlineData("2026-12-24", false)] // Christmas Eve on a Thursday is not a bank holiday but not a working day
    public void IsWorkingDay_ChristmasAndEaster2027(string date, bool expected) =>
        Assert.Equal(expected, WorkingDays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Holidays));

    [Fact]
    public void Before_AcrossChristmas2027_SkipsEveChristmasAndSubstituteDays()
    {
        // Poll on Thu 13 Jan 2028. Working days back: 12, 11, 10, 7, 6, 5, 4 Jan (3 Jan is New Year's
        // substitute), 31, 30, 29 Dec (24, 27, 28 Dec are out), 23, 22, 21, 20, 17, 16, 15, 14, 13, 10, 9, 8,
        // 7, 6, 3, 2, 1 Dec, 30 Nov: the 28th is Tue 30 Nov 2027.
        Assert.Equal(new DateOnly(2027, 11, 30), WorkingDays.Before(new DateOnly(2028, 1, 13), 28, Holidays));
    }

    [Fact]
    public void Before_AcrossEaster2027_SkipsGoodFridayAndEasterMonday()
    {
        // Poll on Thu 6 May 2027 (Mon 3 May is a bank holiday). Back: 5 and 4 May, April's 22 weekdays, 31 and
        // 30 Mar (26), then 29 Mar (Easter Monday) and 26 Mar (Good Friday) are skipped: 25 Mar, 24 Mar (28).
        Assert.Equal(new DateOnly(2027, 3, 24), WorkingDays.Before(new DateOnly(2027, 5, 6), 28, Holidays));
        Assert.Equal(new DateOnly(2027, 3, 31), WorkingDays.Before(new DateOnly(2027, 5, 6), 25, Holidays));
    }

    [Fact]
    public void IsWorkingDay_PastTheEndOfTheList_Throws()
    {
        var error = Assert.Throws<DateOutsideCalendarException>(() => WorkingDays.IsWorkingDay(new DateOnly(2029, 1, 2), Holidays));
        Assert.Contains("Sun 31 Dec 2028", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_CountRunningOffTheStartOfTheList_Throws() =>
        Assert.Throws<DateOutsideCalendarException>(() => WorkingDays.Before(new DateOnly(2018, 1, 10), 28, Holidays));

    [Fact]
    public void Parse_NoEvents_IsAFormatError() =>
        Assert.Throws<FormatException>(() => BankHolidayCalendar.Parse("""{"division":"england-and-wales","events":[]}"""));
}
