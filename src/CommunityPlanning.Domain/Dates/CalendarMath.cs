namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// Calendar arithmetic behind the date phrases. Weeks start on Monday, as on UK calendars. Every method that
/// moves a date reports failure instead of throwing when it would leave the range <see cref="DateOnly"/> holds.
/// </summary>
internal static class CalendarMath
{
    /// <summary>The next <paramref name="day"/> on or after <paramref name="today"/> (today counts).</summary>
    public static DateOnly NextOnOrAfter(DateOnly today, DayOfWeek day) =>
        today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);

    /// <summary>The most recent <paramref name="day"/> strictly before <paramref name="today"/>.</summary>
    public static DateOnly LastBefore(DateOnly today, DayOfWeek day) =>
        today.AddDays(-((((int)today.DayOfWeek - (int)day + 6) % 7) + 1));

    /// <summary>The Monday of the week containing <paramref name="date"/>.</summary>
    public static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The <paramref name="day"/> in the Monday-to-Sunday week that starts on <paramref name="monday"/>.</summary>
    public static DateOnly InWeekStarting(DateOnly monday, DayOfWeek day) => monday.AddDays(((int)day + 6) % 7);

    /// <summary>The number of days in a month, or 0 when the year or month is out of range.</summary>
    public static int DaysIn(int year, int month) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 ? DateTime.DaysInMonth(year, month) : 0;

    /// <summary>The longest a month can be in any year: 29 for February.</summary>
    public static int MaxDaysIn(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2000, month);

    /// <summary>Adds days without throwing at the ends of the calendar.</summary>
    public static bool TryAddDays(DateOnly date, long days, out DateOnly result)
    {
        var target = date.DayNumber + days;
        if (target < DateOnly.MinValue.DayNumber || target > DateOnly.MaxValue.DayNumber)
        {
            result = default;
            return false;
        }

        result = DateOnly.FromDayNumber((int)target);
        return true;
    }

    /// <summary>
    /// Adds calendar months without throwing; a day the target month lacks becomes its last day
    /// (31 January + 1 month = 28 or 29 February).
    /// </summary>
    public static bool TryAddMonths(DateOnly date, long months, out DateOnly result)
    {
        var index = ((long)date.Year * 12) + date.Month - 1 + months;
        var year = index / 12;
        if (index < 12 || year > 9999)
        {
            result = default;
            return false;
        }

        var month = (int)(index % 12) + 1;
        result = new DateOnly((int)year, month, Math.Min(date.Day, DateTime.DaysInMonth((int)year, month)));
        return true;
    }

    /// <summary>The first date on or after <paramref name="today"/> falling on <paramref name="day"/>/<paramref name="month"/>.</summary>
    /// <remarks>29 February waits for the next leap year, at most eight years away.</remarks>
    public static bool TryNextOccurrence(DateOnly today, int day, int month, out DateOnly result)
    {
        for (var year = today.Year; year <= Math.Min(today.Year + 8, 9999); year++)
        {
            if (day <= DaysIn(year, month))
            {
                var candidate = new DateOnly(year, month, day);
                if (candidate >= today)
                {
                    result = candidate;
                    return true;
                }
            }
        }

        result = default;
        return false;
    }

    /// <summary>The last day of the given month.</summary>
    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
