using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// Turns phrases that name a day of a month ("14/3", "14th March 2027", "the 14th", "2027-03-14") into dates.
/// A date without a year is the next one on or after today, so "14/1" said in December means next January.
/// </summary>
internal static class CalendarDateResolver
{
    public static Resolution Iso(Match match, DateOnly today, DatePhraseContext? context) =>
        Resolve(match.Value, Number(match, "d"), Number(match, "m"), Number(match, "y"), null, today);

    public static Resolution Numeric(Match match, DateOnly today, DatePhraseContext? context)
    {
        var year = match.Groups["y"];
        int? fullYear = !year.Success ? null
            : year.Length == 2 ? 2000 + Number(match, "y")
            : Number(match, "y");
        return Resolve(match.Value, Number(match, "d"), Number(match, "m"), fullYear, null, today);
    }

    /// <summary>Both "14 March 2027" and "March 14th, 2027" (the groups are named alike).</summary>
    public static Resolution NamedMonth(Match match, DateOnly today, DatePhraseContext? context)
    {
        if (!CalendarWords.TryMonth(match.Groups["mon"].Value, out var month) ||
            !TryWeekday(match, out var said))
        {
            return Resolution.Fail(DateMessages.NotADate(match.Value));
        }

        int? year = match.Groups["y"].Success ? Number(match, "y") : null;
        return Resolve(match.Value, Number(match, "d"), month, year, said, today);
    }

    /// <summary>
    /// "the 14th": this month if the 14th hasn't passed yet, otherwise next month. A day that month lacks
    /// ("the 31st" in April) is an error rather than a silent jump to another month.
    /// </summary>
    public static Resolution DayOfMonth(Match match, DateOnly today, DatePhraseContext? context)
    {
        if (!TryWeekday(match, out var said))
        {
            return Resolution.Fail(DateMessages.NotADate(match.Value));
        }

        var day = Number(match, "d");
        if (day < 1)
        {
            return Resolution.Invalid(match.Value, DateMessages.NoDayZero);
        }

        if (day > 31)
        {
            return Resolution.Invalid(match.Value, DateMessages.NoMonthHas(day));
        }

        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        if (day < today.Day && !CalendarMath.TryAddMonths(firstOfMonth, 1, out firstOfMonth))
        {
            return Resolution.Invalid(match.Value, DateMessages.TooFarAway);
        }

        if (day > CalendarMath.DaysIn(firstOfMonth.Year, firstOfMonth.Month))
        {
            return Resolution.Invalid(match.Value, DateMessages.MonthTooShort(day, firstOfMonth.Month));
        }

        return CheckWeekday(match.Value, firstOfMonth.AddDays(day - 1), said);
    }

    /// <summary>Checks day, month and year, filling in a missing year with the next occurrence.</summary>
    public static Resolution Resolve(string phrase, int day, int month, int? year, DayOfWeek? said, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            return Resolution.Invalid(phrase, DateMessages.NoSuchMonth);
        }

        if (day < 1)
        {
            return Resolution.Invalid(phrase, DateMessages.NoDayZero);
        }

        if (day > CalendarMath.MaxDaysIn(month))
        {
            return Resolution.Invalid(phrase, DateMessages.MonthTooShort(day, month));
        }

        DateOnly date;
        if (year is { } y)
        {
            if (y is < 1 or > 9999)
            {
                return Resolution.Invalid(phrase, DateMessages.NoSuchYear(y));
            }

            if (day > CalendarMath.DaysIn(y, month))
            {
                return Resolution.Invalid(phrase, DateMessages.NotALeapYear(y));
            }

            date = new DateOnly(y, month, day);
        }
        else if (!CalendarMath.TryNextOccurrence(today, day, month, out date))
        {
            return Resolution.Invalid(phrase, DateMessages.TooFarAway);
        }

        return CheckWeekday(phrase, date, said);
    }

    private static Resolution CheckWeekday(string phrase, DateOnly date, DayOfWeek? said) =>
        said is { } day && day != date.DayOfWeek
            ? Resolution.Invalid(phrase, DateMessages.WrongWeekday(date, day))
            : Resolution.Ok(date);

    private static bool TryWeekday(Match match, out DayOfWeek? said)
    {
        said = null;
        var group = match.Groups["wd"];
        if (!group.Success)
        {
            return true;
        }

        if (!CalendarWords.TryDay(group.Value, out var day))
        {
            return false;
        }

        said = day;
        return true;
    }

    // The patterns capture at most four ASCII digits, so this cannot overflow or meet a foreign digit.
    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
