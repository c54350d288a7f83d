using System.Diagnostics.CodeAnalysis;

namespace CommunityPlanning.Domain.Dates;

/// <summary>
/// The outcome of reading a date phrase: the date it means, or a friendly en-GB reason why it means none.
/// </summary>
public sealed record DatePhraseResult
{
    private DatePhraseResult(bool success, DateOnly date, bool isInPast, int start, int length, string? failureReason)
    {
        Success = success;
        Date = date;
        IsInPast = isInPast;
        Start = start;
        Length = length;
        FailureReason = failureReason;
    }

    /// <summary>Whether the phrase named a real date; when false, <see cref="FailureReason"/> says why.</summary>
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool Success { get; }

    /// <summary>The date the phrase means; <see langword="default"/> when <see cref="Success"/> is false.</summary>
    public DateOnly Date { get; }

    /// <summary>Whether <see cref="Date"/> is before the "today" the phrase was read against.</summary>
    public bool IsInPast { get; }

    /// <summary>
    /// Where the phrase starts in the text, including an introducing word such as "by", so that removing
    /// <see cref="Start"/>..<see cref="Start"/>+<see cref="Length"/> leaves the rest of the sentence.
    /// </summary>
    public int Start { get; }

    /// <summary>How many characters the phrase covers, trailing punctuation excluded.</summary>
    public int Length { get; }

    /// <summary>
    /// A sentence to show the volunteer, e.g. "I couldn't work out the date "31/2": February hasn't got 31 days.";
    /// <see langword="null"/> on success.
    /// </summary>
    public string? FailureReason { get; }

    /// <summary>A phrase that named <paramref name="date"/>.</summary>
    /// <param name="date">The date meant.</param>
    /// <param name="today">Today, to decide <see cref="IsInPast"/>.</param>
    /// <param name="start">Where the phrase starts in the text.</param>
    /// <param name="length">How long the phrase is.</param>
    /// <returns>A successful result.</returns>
    public static DatePhraseResult Succeeded(DateOnly date, DateOnly today, int start, int length) =>
        new(true, date, date < today, start, length, null);

    /// <summary>A phrase that named no date.</summary>
    /// <param name="reason">The friendly sentence to show.</param>
    /// <param name="start">Where the date-like phrase starts in the text, if one was recognised.</param>
    /// <param name="length">Its length, or 0.</param>
    /// <returns>A failed result.</returns>
    public static DatePhraseResult Failed(string reason, int start = 0, int length = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, default, false, start, length, reason);
    }
}
