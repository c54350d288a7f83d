using System.Collections.Frozen;
using System.Globalization;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// The fixed English words for days, months and small numbers, used both to write dates and to read them.
/// </summary>
internal static class CalendarWords
{
    private static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly string[] FullDays =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] ShortMonths =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] FullMonths =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    // Keyed by the shortest prefix that the patterns guarantee, so every spelling the regex accepts
    // ("Thu", "Thur", "Thurs", "Thursday") lands on one entry.
    private static readonly FrozenDictionary<string, DayOfWeek> DaysByPrefix = new Dictionary<string, DayOfWeek>
    {
        ["mo"] = DayOfWeek.Monday,
        ["tu"] = DayOfWeek.Tuesday,
        ["we"] = DayOfWeek.Wednesday,
        ["th"] = DayOfWeek.Thursday,
        ["fr"] = DayOfWeek.Friday,
        ["sa"] = DayOfWeek.Saturday,
        ["su"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> MonthsByPrefix = new Dictionary<string, int>
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>"Mon" … "Sun".</summary>
    public static string ShortDayName(DayOfWeek day) => ShortDays[(int)day];

    /// <summary>"Monday" … "Sunday".</summary>
    public static string FullDayName(DayOfWeek day) => FullDays[(int)day];

    /// <summary>"Jan" … "Dec" for months 1–12.</summary>
    public static string ShortMonthName(int month) => ShortMonths[month - 1];

    /// <summary>"January" … "December" for months 1–12.</summary>
    public static string FullMonthName(int month) => FullMonths[month - 1];

    /// <summary>Reads a weekday as the patterns match it ("fri", "Thurs", "TUESDAY").</summary>
    public static bool TryDay(string word, out DayOfWeek day)
    {
        day = default;
        return word.Length >= 2 && DaysByPrefix.TryGetValue(word[..2], out day);
    }

    /// <summary>Reads a month name or abbreviation ("mar", "Sept", "december").</summary>
    public static bool TryMonth(string word, out int month)
    {
        month = 0;
        return word.Length >= 3 && MonthsByPrefix.TryGetValue(word[..3], out month);
    }

    /// <summary>Reads a count written as digits, as a word one–twelve, "a"/"an", or "a couple of".</summary>
    public static bool TryCount(string word, out int count)
    {
        if (word.Length > 0 && char.IsAsciiDigit(word[0]))
        {
            return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out count);
        }

        if (word.Contains("couple", StringComparison.OrdinalIgnoreCase))
        {
            count = 2;
            return true;
        }

        return NumberWords.TryGetValue(word, out count);
    }
}
