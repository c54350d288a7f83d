using System.Text.RegularExpressions;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// The shapes of date phrase the bot understands, one regular expression per shape. Every pattern is anchored
/// with <c>\G</c> so it matches exactly where the parser points it, and ends at a word boundary. Digits are
/// written <c>[0-9]</c> because <c>\d</c> also matches other scripts' digits, which the number parser rejects.
/// </summary>
internal static partial class DatePhrasePatterns
{
    private const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Every spelling here must be readable by CalendarWords.TryDay / TryMonth (first two / three letters).
    private const string Weekday =
        "(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";

    private const string Month =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string Count =
        "(?:[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\\s+couple\\s+of)";

    private const string Unit = "(?:day|week|fortnight|month|year)";

    private const string Ordinal = "(?:st|nd|rd|th)";

    private const string OptionalWeekday = "(?:(?<wd>" + Weekday + ")\\.?,?\\s+)?";

    private const string OptionalYear = "(?:,?\\s+(?<y>[0-9]{4}))?";

    private const string End = "(?![\\p{L}\\p{N}])";

    /// <summary>today, tonight, tomorrow, yesterday, the day after tomorrow.</summary>
    [GeneratedRegex(
        "\\G(?:the\\s+)?(?<after>day\\s+after\\s+)?(?<w>today|tonight|tomorrow|tmrw|yesterday)" + End, Options)]
    public static partial Regex Relative();

    /// <summary>Friday, this Friday, next Fri, last Thurs, this coming Tuesday.</summary>
    [GeneratedRegex(
        "\\G(?:(?<mod>this\\s+coming|coming|this|next|last)\\s+)?(?<wd>" + Weekday + ")" + End, Options)]
    public static partial Regex WeekdayName();

    /// <summary>2027-03-14.</summary>
    [GeneratedRegex("\\G(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})" + End + "(?!-[0-9])", Options)]
    public static partial Regex Iso();

    /// <summary>
    /// 14/3, 14/03/27, 14-3-2027, 14.3.2027: always day first, one separator throughout. Dots need a year, and a
    /// following "%" rules a number out, so "cut costs by 1.5% by 10-12%" reads no date.
    /// </summary>
    [GeneratedRegex(
        "\\G(?<d>[0-9]{1,2})(?:(?<s>[/-])(?<m>[0-9]{1,2})(?:\\k<s>(?<y>[0-9]{4}|[0-9]{2}))?|\\.(?<m>[0-9]{1,2})\\.(?<y>[0-9]{4}|[0-9]{2}))"
        + End + "(?![/.-]?[0-9])(?!\\s*%)",
        Options)]
    public static partial Regex Numeric();

    /// <summary>14 March, 14th Mar, the 14th of March 2027, Fri 14 Mar 2025.</summary>
    [GeneratedRegex(
        "\\G" + OptionalWeekday + "(?:the\\s+)?(?<d>[0-9]{1,2})" + Ordinal + "?(?:\\s+of)?\\s+(?<mon>" + Month + ")"
        + OptionalYear + End,
        Options)]
    public static partial Regex DayMonth();

    /// <summary>March 14, March 14th, March 14th 2027, Friday, March 14.</summary>
    [GeneratedRegex(
        "\\G" + OptionalWeekday + "(?<mon>" + Month + ")\\.?\\s+(?:the\\s+)?(?<d>[0-9]{1,2})" + Ordinal + "?"
        + OptionalYear + End,
        Options)]
    public static partial Regex MonthDay();

    /// <summary>the 14th, the 3rd, 14th, Friday the 14th.</summary>
    [GeneratedRegex(
        "\\G" + OptionalWeekday + "(?:the\\s+(?<d>[0-9]{1,2})" + Ordinal + "?|(?<d>[0-9]{1,2})" + Ordinal + ")" + End,
        Options)]
    public static partial Regex DayOfMonth();

    /// <summary>end of the month, end of next week, the end of March, end of the year.</summary>
    [GeneratedRegex(
        "\\G(?:the\\s+)?end\\s+of\\s+(?:(?:(?<which>this|the|next)\\s+)?(?<unit>week|month|year)|(?<mon>" + Month
        + ")(?:\\s+(?<y>[0-9]{4}))?)" + End,
        Options)]
    public static partial Regex EndOf();

    /// <summary>next week, next month, next year.</summary>
    [GeneratedRegex("\\Gnext\\s+(?<unit>week|month|year)" + End, Options)]
    public static partial Regex NextPeriod();

    /// <summary>in 3 days, in two weeks' time, in a fortnight, a fortnight, 3 days ago.</summary>
    [GeneratedRegex(
        "\\G(?:in\\s+(?<n>" + Count + ")\\s+(?<unit>" + Unit + ")(?:s'|'s|s)?(?:\\s+time)?"
        + "|(?<n>" + Count + ")\\s+(?<unit>" + Unit + ")s?\\s+(?<ago>ago)"
        + "|(?<n>a)\\s+(?<unit>fortnight))" + End,
        Options)]
    public static partial Regex Offset();

    /// <summary>next meeting, the next meeting, the next steering group meeting.</summary>
    [GeneratedRegex("\\G(?:the\\s+)?next\\s+(?:steering\\s+group\\s+|group\\s+)?meeting" + End, Options)]
    public static partial Regex NextMeeting();

    /// <summary>
    /// Words that introduce a due date inside a sentence: by, before, due, due by/on/before, no later than.
    /// </summary>
    [GeneratedRegex(
        "(?<![\\p{L}\\p{N}])(?:(?:no|not)\\s+later\\s+than|due\\s+(?:by|on|before)|by|before|due)\\s+", Options)]
    public static partial Regex DueIntroducer();

    /// <summary>"on", the weaker introducer, used only when the date ends the sentence.</summary>
    [GeneratedRegex("(?<![\\p{L}\\p{N}])on\\s+", Options)]
    public static partial Regex OnIntroducer();

    /// <summary>An introducer a whole answer may start with: "by Friday", "on 14/3", "for next week".</summary>
    [GeneratedRegex(
        "\\G(?:(?:no|not)\\s+later\\s+than|due\\s+(?:by|on|before)|by|before|due|on|for|until|till)\\s+", Options)]
    public static partial Regex LeadingIntroducer();
}
