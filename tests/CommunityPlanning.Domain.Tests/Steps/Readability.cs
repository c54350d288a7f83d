using System.Text.RegularExpressions;

namespace CommunityPlanning.Domain.Tests.Steps;

/// <summary>
/// Flesch–Kincaid grade per sentence: 0.39 × words + 11.8 × syllables per word − 15.59. Syllables are
/// counted with the usual vowel-group rule (a silent final "e" dropped, at least one per word).
/// </summary>
internal static partial class Readability
{
    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => Words(s).Count > 0);

    public static IReadOnlyList<string> Words(string sentence) =>
        WordPattern().Matches(sentence).Select(m => m.Value).ToList();

    public static double Grade(string sentence)
    {
        var words = Words(sentence);
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.All(char.IsDigit))
        {
            return Math.Max(1, w.Length / 2);
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        w = SilentEnding().Replace(w, string.Empty);
        w = LeadingY().Replace(w, string.Empty);
        return Math.Max(1, VowelGroup().Count(w));
    }

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[A-Za-z0-9]+(['’][A-Za-z]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex("(?:[^laeiouy]es|ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
