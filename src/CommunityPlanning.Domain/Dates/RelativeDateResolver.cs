using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// Turns phrases relative to today ("tomorrow", "next Friday", "end of the month", "in 2 weeks", "next meeting")
/// into dates. Weeks run Monday to Sunday. The rules are documented on <see cref="DatePhraseParser"/>.
/// </summary>
internal static class RelativeDateResolver
{
    public static Resolution Relative(Match match, DateOnly today, DatePhraseContext? context)
    {
        var days = match.Groups["w"].Value.ToLowerInvariant() switch
        {
            "today" or "tonight" => 0,
            "yesterday" => -1,
            _ => 1, // tomorrow, tmrw
        };
        if (match.Groups["after"].Success)
        {
            days++;
        }

        return Days(match.Value, today, days);
    }

    public static Resolution Weekday(Match match, DateOnly today, DatePhraseContext? context)
    {
        if (!CalendarWords.TryDay(match.Groups["wd"].Value, out var day))
        {
            return Resolution.Fail(DateMessages.NotADate(match.Value));
        }

        var modifier = match.Groups["mod"];
        var weekStart = CalendarMath.StartOfWeek(today);
        var date = !modifier.Success || modifier.Value.EndsWith("coming", StringComparison.OrdinalIgnoreCase)
            ? CalendarMath.NextOnOrAfter(today, day)
            : modifier.Value.Equals("this", StringComparison.OrdinalIgnoreCase)
                ? CalendarMath.InWeekStarting(weekStart, day)
                : modifier.Value.Equals("next", StringComparison.OrdinalIgnoreCase)
                    ? CalendarMath.InWeekStarting(weekStart.AddDays(7), day)
                    : CalendarMath.LastBefore(today, day);
        return Resolution.Ok(date);
    }

    public static Resolution EndOf(Match match, DateOnly today, DatePhraseContext? context)
    {
        var monthGroup = match.Groups["mon"];
        if (monthGroup.Success)
        {
            if (!CalendarWords.TryMonth(monthGroup.Value, out var month))
            {
                return Resolution.Fail(DateMessages.NotADate(match.Value));
            }

            if (match.Groups["y"].Success)
            {
                var year = int.Parse(match.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
                return year is < 1 or > 9999
                    ? Resolution.Invalid(match.Value, DateMessages.NoSuchYear(year))
                    : Resolution.Ok(CalendarMath.EndOfMonth(year, month));
            }

            var thisYear = CalendarMath.EndOfMonth(today.Year, month);
            return thisYear >= today || today.Year >= 9999
                ? Resolution.Ok(thisYear)
                : Resolution.Ok(CalendarMath.EndOfMonth(today.Year + 1, month));
        }

        var next = match.Groups["which"].Value.Equals("next", StringComparison.OrdinalIgnoreCase);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "week" => Resolution.Ok(EndOfWeek(today).AddDays(next ? 7 : 0)),
            "month" => CalendarMath.TryAddMonths(today, next ? 1 : 0, out var inMonth)
                ? Resolution.Ok(CalendarMath.EndOfMonth(inMonth.Year, inMonth.Month))
                : Resolution.Invalid(match.Value, DateMessages.TooFarAway),
            _ => Resolution.Ok(new DateOnly(today.Year + (next ? 1 : 0), 12, 31)),
        };
    }

    public static Resolution NextPeriod(Match match, DateOnly today, DatePhraseContext? context) =>
        match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "week" => Resolution.Ok(CalendarMath.StartOfWeek(today).AddDays(7)),
            "month" => Resolution.Ok(CalendarMath.EndOfMonth(today.Year, today.Month).AddDays(1)),
            _ => Resolution.Ok(new DateOnly(today.Year + 1, 1, 1)),
        };

    public static Resolution Offset(Match match, DateOnly today, DatePhraseContext? context)
    {
        if (!CalendarWords.TryCount(match.Groups["n"].Value, out var count))
        {
            return Resolution.Fail(DateMessages.NotADate(match.Value));
        }

        var signed = match.Groups["ago"].Success ? -(long)count : count;
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "day" => Days(match.Value, today, signed),
            "week" => Days(match.Value, today, signed * 7),
            "fortnight" => Days(match.Value, today, signed * 14),
            "month" => Months(match.Value, today, signed),
            _ => Months(match.Value, today, signed * 12),
        };
    }

    public static Resolution NextMeeting(Match match, DateOnly today, DatePhraseContext? context) =>
        context?.NextMeeting is { } meeting
            ? Resolution.Ok(meeting)
            : Resolution.Fail(DateMessages.NoMeetingPlanned);

    /// <summary>
    /// Friday of this week; at the weekend the working week is over, so it is the coming Friday.
    /// </summary>
    private static DateOnly EndOfWeek(DateOnly today) =>
        today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? CalendarMath.NextOnOrAfter(today, DayOfWeek.Friday)
            : CalendarMath.InWeekStarting(CalendarMath.StartOfWeek(today), DayOfWeek.Friday);

    private static Resolution Days(string phrase, DateOnly today, long days) =>
        CalendarMath.TryAddDays(today, days, out var date)
            ? Resolution.Ok(date)
            : Resolution.Invalid(phrase, DateMessages.TooFarAway);

    private static Resolution Months(string phrase, DateOnly today, long months) =>
        CalendarMath.TryAddMonths(today, months, out var date)
            ? Resolution.Ok(date)
            : Resolution.Invalid(phrase, DateMessages.TooFarAway);
}
