namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// Working days as the Neighbourhood Planning (Referendums) Regulations 2012 count them: every day except
/// Saturdays, Sundays, Christmas Eve, Christmas Day, Good Friday and England and Wales bank holidays.
/// Counting into a year the bank holiday list does not cover throws <see cref="DateOutsideCalendarException"/>.
/// </summary>
public static class WorkingDays
{
    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    /// <exception cref="DateOutsideCalendarException">The date is outside the bank holiday list.</exception>
    public static bool IsWorkingDay(DateOnly date, BankHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        calendar.EnsureCovers(date);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !(date.Month == 12 && date.Day is 24 or 25)
            && date != GoodFriday(date.Year)
            && !calendar.IsBankHoliday(date);
    }

    /// <summary>
    /// The <paramref name="count"/>th working day before <paramref name="day"/> (which itself is not
    /// counted): the last day something due "at least <paramref name="count"/> working days before" can happen.
    /// </summary>
    /// <exception cref="DateOutsideCalendarException">The count runs outside the bank holiday list.</exception>
    public static DateOnly Before(DateOnly day, int count, BankHolidayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var date = day;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date, calendar))
            {
                found++;
            }
        }

        return date;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    /// <exception cref="DateOutsideCalendarException">The search runs outside the bank holiday list.</exception>
    public static DateOnly OnOrAfter(DateOnly date, BankHolidayCalendar calendar)
    {
        while (!IsWorkingDay(date, calendar))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>Good Friday of a year: two days before Easter Sunday (the Gregorian computus).</summary>
    public static DateOnly GoodFriday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = ((19 * a) + b - (b / 4) - ((b - ((b + 8) / 25) + 1) / 3) + 15) % 30;
        var e = (32 + (2 * (b % 4)) + (2 * (c / 4)) - d - (c % 4)) % 7;
        var f = d + e - (7 * ((a + (11 * d) + (22 * e)) / 451)) + 114;
        return new DateOnly(year, f / 31, (f % 31) + 1).AddDays(-2);
    }
}
