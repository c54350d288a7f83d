using System.Globalization;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// What the bot says when it can't read a date. Plain en-GB, addressed to a volunteer, and always saying
/// what to type instead where that helps.
/// </summary>
internal static class DateMessages
{
    public const string Empty =
        "Please give a date, for example \"Friday\", \"14 March\", \"14/3\" or \"in 2 weeks\".";

    public const string NoMeetingPlanned =
        "There's no meeting planned yet, so I can't tell when the next meeting is.";

    public static string NotADate(string text) => Invariant(
        $"I couldn't work out a date from \"{Shorten(text)}\". Try something like \"Friday\", \"14 March\", \"14/3\" or \"in 2 weeks\".");

    /// <summary>"I couldn't work out the date "31/2": February hasn't got 31 days."</summary>
    public static string CouldNotWorkOut(string phrase, string why) =>
        Invariant($"I couldn't work out the date \"{Shorten(phrase)}\": {why}.");

    public static string MonthTooShort(int day, int month) =>
        Invariant($"{CalendarWords.FullMonthName(month)} hasn't got {day} days");

    public static string NotALeapYear(int year) =>
        Invariant($"{year} isn't a leap year, so February has only 28 days");

    public static string NoMonthHas(int day) => Invariant($"no month has {day} days");

    public const string NoDayZero = "days of the month start at 1";

    public const string NoSuchMonth =
        "there are only 12 months, and I read dates day first (14/3 is 14 March)";

    public static string NoSuchYear(int year) => Invariant($"I can't use the year {year}");

    public const string TooFarAway = "that's too far away for me to work out";

    public static string WrongWeekday(DateOnly date, DayOfWeek said) => Invariant(
        $"{date.Day} {CalendarWords.FullMonthName(date.Month)} {date.Year} is a {CalendarWords.FullDayName(date.DayOfWeek)}, not a {CalendarWords.FullDayName(said)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Quoting a whole pasted paragraph back at someone helps nobody.
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
