using System.Globalization;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// How the bot writes dates: "Fri 14 Mar 2025". The names are fixed English abbreviations rather than a
/// culture's, because ICU data differs between machines (en-GB has shown both "Sep" and "Sept").
/// </summary>
public static class UkDateFormat
{
    /// <summary>The widest gap, in days, that <see cref="Relative"/> still writes in words.</summary>
    public const int RelativeDayLimit = 6;

    /// <summary>Writes a date as "Fri 14 Mar 2025".</summary>
    /// <param name="date">The date.</param>
    /// <returns>Short weekday, day without leading zero, short month, four-digit year.</returns>
    public static string Day(DateOnly date) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{CalendarWords.ShortDayName(date.DayOfWeek)} {date.Day} {CalendarWords.ShortMonthName(date.Month)} {date.Year}");

    /// <summary>Writes an instant as London wall-clock time: "Tue 14 Mar 2025 at 7:00pm".</summary>
    /// <param name="instant">The instant, in any offset; it is converted to London time first.</param>
    /// <returns>The <see cref="Day"/> form, " at ", then a 12-hour time with "am"/"pm" (midday is "12:00pm").</returns>
    public static string DayAndTime(DateTimeOffset instant)
    {
        var london = UkTime.ToLondon(instant);
        var hour = london.Hour % 12 == 0 ? 12 : london.Hour % 12;
        var suffix = london.Hour < 12 ? "am" : "pm";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Day(DateOnly.FromDateTime(london.DateTime))} at {hour}:{london.Minute:00}{suffix}");
    }

    /// <summary>
    /// Writes a date relative to today: "today", "tomorrow", "yesterday", "in 3 days", "3 days ago";
    /// more than <see cref="RelativeDayLimit"/> days away it falls back to the <see cref="Day"/> form.
    /// </summary>
    /// <param name="date">The date to describe.</param>
    /// <param name="today">Today in London (see <see cref="UkTime.TodayInLondon"/>).</param>
    /// <returns>A short en-GB phrase that <see cref="DatePhraseParser"/> reads back to the same date.</returns>
    public static string Relative(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "yesterday",
            > 1 and <= RelativeDayLimit => string.Create(CultureInfo.InvariantCulture, $"in {days} days"),
            < -1 and >= -RelativeDayLimit => string.Create(CultureInfo.InvariantCulture, $"{-days} days ago"),
            _ => Day(date),
        };
    }
}
