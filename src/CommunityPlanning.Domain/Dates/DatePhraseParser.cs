using System.Buffers;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// Reads the dates volunteers type: "Friday", "14/3", "the 14th", "end of the month", "in a fortnight",
/// "by the next meeting". Case, extra spaces and trailing punctuation don't matter. Never throws for any text.
/// </summary>
/// <remarks>
/// <para>The rules, with weeks running Monday to Sunday:</para>
/// <list type="bullet">
/// <item><description>Numeric dates are always day first: "14/3", "14/03/27", "14-3-2027", "14.3.2027"; also ISO "2027-03-14".
/// Two-digit years are 20xx. Dotted dates need a year, so "by 1.5" (a decimal) isn't read as 1 May.</description></item>
/// <item><description>A date without a year ("14/3", "14 March", "March 14th") is the next one on or after today, so "14/1"
/// in December is next January and "29/2" waits for the next leap year.</description></item>
/// <item><description>A bare weekday ("Friday", "Fri", "this coming Friday") is the next one on or after today: "by Friday"
/// said on a Friday means today.</description></item>
/// <item><description>"this Friday" is the Friday of the current week, even if that has passed (the result says so).</description></item>
/// <item><description>"next Friday" is the Friday of next week (the week starting next Monday): said on a Wednesday it is
/// 9 days away, not 2.</description></item>
/// <item><description>"last Friday" is the most recent Friday before today.</description></item>
/// <item><description>"the 14th" is this month's 14th if it hasn't passed, otherwise next month's; a day that month lacks
/// ("the 31st" in a 30-day month) is an error.</description></item>
/// <item><description>"next week" is next Monday; "next month" the 1st of next month; "next year" 1 January.</description></item>
/// <item><description>"end of the week" is Friday of this week, or the coming Friday at a weekend; "end of next week" is
/// the Friday a week after that. "end of the month", "end of next month", "end of March" (the next one that
/// hasn't passed) and "end of the year" are last days.</description></item>
/// <item><description>"in 3 days", "in two weeks", "in a fortnight", "a fortnight", "in 2 months" count from today;
/// a month on from 31 January is the last day of February. "3 days ago" counts back.</description></item>
/// <item><description>"next meeting" / "the next meeting" is <see cref="DatePhraseContext.NextMeeting"/>.</description></item>
/// </list>
/// </remarks>
public static class DatePhraseParser
{
    private static readonly SearchValues<char> TrailingPunctuation = SearchValues.Create(".,;:!?");

    // A title may also be left with a dash that led into the date: "Book the hall - by Friday".
    private static readonly SearchValues<char> TitleTrailing = SearchValues.Create(".,;:!?-\u2013\u2014");

    /// <summary>Reads a whole answer as one date phrase, optionally introduced by "by", "on", "before", "due" etc.</summary>
    /// <param name="text">What the volunteer typed, e.g. "by Friday." or "14/3".</param>
    /// <param name="today">Today in London (see <see cref="UkTime.TodayInLondon"/>); years 2–9998.</param>
    /// <param name="context">Group facts such as the next meeting date.</param>
    /// <returns>The date, or a friendly reason it couldn't be read.</returns>
    public static DatePhraseResult Parse(string text, DateOnly today, DatePhraseContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        GuardToday(today);

        var end = TrimEnd(text, TrailingPunctuation);
        var start = SkipSpaces(text, 0);
        if (start >= end)
        {
            return DatePhraseResult.Failed(DateMessages.Empty);
        }

        var introducer = DatePhrasePatterns.LeadingIntroducer().Match(text, start);
        var phraseStart = introducer.Success ? introducer.Index + introducer.Length : start;
        var match = phraseStart < end ? DatePhraseMatcher.MatchAt(text, phraseStart, today, context) : null;
        if (match is not { } found || found.End != end)
        {
            return DatePhraseResult.Failed(DateMessages.NotADate(text[start..end]), start, end - start);
        }

        return ToResult(found, start, today);
    }

    /// <summary>Reads a whole answer as one date phrase, as <see cref="Parse"/> does.</summary>
    /// <param name="text">What the volunteer typed.</param>
    /// <param name="today">Today in London.</param>
    /// <param name="date">The date, when the answer named one.</param>
    /// <returns>Whether the answer named a real date.</returns>
    public static bool TryParse(string text, DateOnly today, out DateOnly date) => TryParse(text, today, null, out date);

    /// <summary>Reads a whole answer as one date phrase, as <see cref="Parse"/> does.</summary>
    /// <param name="text">What the volunteer typed.</param>
    /// <param name="today">Today in London.</param>
    /// <param name="context">Group facts such as the next meeting date.</param>
    /// <param name="date">The date, when the answer named one.</param>
    /// <returns>Whether the answer named a real date.</returns>
    public static bool TryParse(string text, DateOnly today, DatePhraseContext? context, out DateOnly date)
    {
        var result = Parse(text, today, context);
        date = result.Date;
        return result.Success;
    }

    /// <summary>
    /// Finds the due date inside an action sentence and returns the title without it:
    /// "book the hall for 12 March by Friday" → title "book the hall for 12 March", due Friday.
    /// </summary>
    /// <remarks>
    /// A due date is a date phrase after "by", "before", "due", "due by/on/before" or "no later than"; when there
    /// are several, the last one wins. Failing those, "on &lt;date&gt;" counts only when it ends the sentence
    /// ("ring Jo on Friday"). "for &lt;date&gt;" is never a due date: it usually describes the thing itself.
    /// </remarks>
    /// <param name="text">The action as typed.</param>
    /// <param name="today">Today in London; years 2–9998.</param>
    /// <param name="context">Group facts such as the next meeting date.</param>
    /// <returns>The title and the due-date phrase, if any.</returns>
    public static DueDateResult FindDueDate(string text, DateOnly today, DatePhraseContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        GuardToday(today);

        var strong = DatePhrasePatterns.DueIntroducer().Matches(text);
        for (var i = strong.Count - 1; i >= 0; i--)
        {
            var introducer = strong[i];
            if (DatePhraseMatcher.MatchAt(text, introducer.Index + introducer.Length, today, context) is { } found)
            {
                return Split(text, introducer.Index, found, today);
            }
        }

        var weak = DatePhrasePatterns.OnIntroducer().Matches(text);
        for (var i = weak.Count - 1; i >= 0; i--)
        {
            var introducer = weak[i];
            if (DatePhraseMatcher.MatchAt(text, introducer.Index + introducer.Length, today, context) is { } found &&
                TrimEnd(text, TrailingPunctuation) == found.End)
            {
                return Split(text, introducer.Index, found, today);
            }
        }

        return new DueDateResult(Tidy(text), null);
    }

    private static DueDateResult Split(string text, int start, PhraseMatch found, DateOnly today)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        var after = text.AsSpan(found.End).TrimStart();
        var joined = before.IsEmpty || after.IsEmpty || TrailingPunctuation.Contains(after[0])
            ? string.Concat(before, after)
            : string.Concat(before, " ", after);
        return new DueDateResult(Tidy(joined), ToResult(found, start, today));
    }

    private static DatePhraseResult ToResult(PhraseMatch found, int start, DateOnly today) =>
        found.Meaning.Failure is { } reason
            ? DatePhraseResult.Failed(reason, start, found.End - start)
            : DatePhraseResult.Succeeded(found.Meaning.Date, today, start, found.End - start);

    private static string Tidy(string title)
    {
        var span = title.AsSpan().Trim();
        return span[..TrimEnd(span, TitleTrailing)].ToString();
    }

    // Index just past the last character that isn't space or trailing punctuation.
    private static int TrimEnd(ReadOnlySpan<char> text, SearchValues<char> punctuation)
    {
        var end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || punctuation.Contains(text[end - 1])))
        {
            end--;
        }

        return end;
    }

    private static int SkipSpaces(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static void GuardToday(DateOnly today)
    {
        if (today.Year is < 2 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(today), today, "Today must fall between the years 2 and 9998.");
        }
    }
}
