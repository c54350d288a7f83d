using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Domain.Tests.Actions;

public sealed class ReminderScheduleTests
{
    [Fact]
    public void DueAt_DayBeforeInWinter_Is0900Gmt() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 9, 0, 0, TimeSpan.Zero), ReminderSchedule.DueAt(ReminderKind.DayBefore, new DateOnly(2025, 3, 14)));

    [Fact]
    public void DueAt_OverdueInSummer_Is0900Bst() =>
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 8, 0, 0, TimeSpan.Zero), ReminderSchedule.DueAt(ReminderKind.Overdue, new DateOnly(2025, 7, 14)));

    [Fact]
    public void DueAt_AcrossTheClockChange_UsesEachDaysOffset()
    {
        // Clocks go forward on Sun 30 Mar 2025: the day before is GMT, the morning after is BST.
        Assert.Equal(TimeSpan.Zero, ReminderSchedule.DueAt(ReminderKind.DayBefore, new DateOnly(2025, 3, 30)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), ReminderSchedule.DueAt(ReminderKind.Overdue, new DateOnly(2025, 3, 30)).Offset);
    }

    [Theory]
    [InlineData("2025-03-12T12:00:00+00:00", "2025-03-17T09:00:00+00:00")]
    [InlineData("2025-03-17T08:59:00+00:00", "2025-03-17T09:00:00+00:00")]
    [InlineData("2025-03-17T09:00:00+00:00", "2025-03-24T09:00:00+00:00")]
    [InlineData("2025-03-29T10:00:00+00:00", "2025-03-31T08:00:00+00:00")]
    public void NextDigest_IsTheNextMondayAtNine(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReminderSchedule.NextDigest(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-03-24T12:00:00+00:00", "2027-03-30T08:00:00+00:00")] // Easter Monday 29 Mar: Tuesday instead
    [InlineData("2027-03-30T07:59:00+00:00", "2027-03-30T08:00:00+00:00")] // on the Tuesday before 9am: still due
    [InlineData("2027-03-30T08:00:00+00:00", "2027-04-05T08:00:00+00:00")]
    [InlineData("2027-12-22T12:00:00+00:00", "2027-12-29T09:00:00+00:00")] // Mon 27 and Tue 28 Dec are substitute days
    [InlineData("2027-05-01T12:00:00+00:00", "2027-05-04T08:00:00+00:00")] // Early May bank holiday
    public void NextDigest_BankHolidayMonday_MovesToTheNextWorkingDay(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReminderSchedule.NextDigest(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void NextDigest_PastTheEndOfTheHolidayList_KeepsMonday() =>
        Assert.Equal(new DateTimeOffset(2029, 1, 1, 9, 0, 0, TimeSpan.Zero), ReminderSchedule.NextDigest(new DateTimeOffset(2028, 12, 30, 12, 0, 0, TimeSpan.Zero)));
}
