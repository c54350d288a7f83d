using System.Text.RegularExpressions;

namespace CommunityPlanning.Domain.Dates;

/// <summary>A date phrase found at a position: where it lies and what it means.</summary>
internal readonly record struct PhraseMatch(int Start, int Length, Resolution Meaning)
{
    public int End => Start + Length;
}

/// <summary>
/// Tries every phrase shape at one position and keeps the longest match, so "Friday 14 March" wins over "Friday"
/// and "the 14th of March" over "the 14th".
/// </summary>
internal static class DatePhraseMatcher
{
    private delegate Resolution Resolver(Match match, DateOnly today, DatePhraseContext? context);

    // Order breaks ties between equally long matches; none of the current shapes tie in practice.
    private static readonly (Regex Pattern, Resolver Resolve)[] Shapes =
    [
        (DatePhrasePatterns.Relative(), RelativeDateResolver.Relative),
        (DatePhrasePatterns.NextMeeting(), RelativeDateResolver.NextMeeting),
        (DatePhrasePatterns.NextPeriod(), RelativeDateResolver.NextPeriod),
        (DatePhrasePatterns.EndOf(), RelativeDateResolver.EndOf),
        (DatePhrasePatterns.Offset(), RelativeDateResolver.Offset),
        (DatePhrasePatterns.Iso(), CalendarDateResolver.Iso),
        (DatePhrasePatterns.Numeric(), CalendarDateResolver.Numeric),
        (DatePhrasePatterns.DayMonth(), CalendarDateResolver.NamedMonth),
        (DatePhrasePatterns.MonthDay(), CalendarDateResolver.NamedMonth),
        (DatePhrasePatterns.DayOfMonth(), CalendarDateResolver.DayOfMonth),
        (DatePhrasePatterns.WeekdayName(), RelativeDateResolver.Weekday),
    ];

    /// <summary>The longest date phrase starting exactly at <paramref name="start"/>, if any.</summary>
    public static PhraseMatch? MatchAt(string text, int start, DateOnly today, DatePhraseContext? context)
    {
        Match? best = null;
        Resolver? bestResolver = null;
        foreach (var (pattern, resolve) in Shapes)
        {
            var match = pattern.Match(text, start);
            if (match.Success && (best is null || match.Length > best.Length))
            {
                best = match;
                bestResolver = resolve;
            }
        }

        return best is null || bestResolver is null
            ? null
            : new PhraseMatch(best.Index, best.Length, bestResolver(best, today, context));
    }
}
