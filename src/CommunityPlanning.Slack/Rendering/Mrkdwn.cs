using System.Buffers;
using System.Text;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// Slack mrkdwn for user text. Slack publishes escapes only for <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>, which
/// become entities, so nothing a person typed can become a link, a mention or <c>&lt;!channel&gt;</c>. The
/// formatting characters <c>* _ ~ `</c> have no escape, so each is fenced by zero-width spaces (U+200B): a
/// marker only formats when it sits on a word boundary with text on its inner side, and with a zero-width
/// space on both sides one of the two fails whichever way Slack classes that space, so the character shows
/// as typed. The renderer prefers <c>plain_text</c> objects for user text; this is for text that must sit in mrkdwn.
/// </summary>
public static class Mrkdwn
{
    /// <summary>The zero-width space fenced around formatting characters.</summary>
    public const char ZeroWidthSpace = '\u200B';

    private const string Ellipsis = "…";

    private static readonly string Fence = ZeroWidthSpace.ToString();

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>*_~`");

    /// <summary>Escapes plain text for a mrkdwn field: entities for <c>&amp; &lt; &gt;</c>, fences for <c>* _ ~ `</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            output.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '*' or '_' or '~' or '`' => string.Concat(Fence, c.ToString(), Fence),
                _ => c.ToString(),
            });
        }

        return output.ToString();
    }

    /// <summary>Turns Slack's escaped text (or ours) back into what the person typed.</summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            .Replace(Fence, string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Plain text cut to at most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Fit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), Ellipsis);
    }

    /// <summary>Escaped text cut so the escaped form is at most <paramref name="max"/> characters.</summary>
    public static string EscapeFit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = Escape(text);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var length = 0;
        for (var size = 0; length < text.Length; length++)
        {
            size += text[length] switch
            {
                '&' => 5,
                '<' or '>' => 4,
                '*' or '_' or '~' or '`' => 3,
                _ => 1,
            };
            if (size > max - 1)
            {
                break;
            }
        }

        return string.Concat(Escape(text[..length].TrimEnd()), Ellipsis);
    }

    /// <summary>
    /// Splits plain text into escaped pieces of at most <paramref name="max"/> characters, breaking at a
    /// line end or a space where it can.
    /// </summary>
    public static IReadOnlyList<string> EscapeChunks(string text, int max) => SplitEscaped(Escape(text), max);

    /// <summary>Splits plain text, unescaped, for <c>plain_text</c> objects, breaking at a line end or a space where it can.</summary>
    public static IReadOnlyList<string> Chunks(string text, int max) => SplitEscaped(text, max);

    /// <summary>
    /// Splits mrkdwn that is already escaped into pieces of at most <paramref name="max"/> characters,
    /// never inside an entity (<c>&amp;amp;</c>) or a mention (<c>&lt;@U…&gt;</c>), preferring line ends and spaces.
    /// </summary>
    public static IReadOnlyList<string> SplitEscaped(string escaped, int max)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 32);
        var pieces = new List<string>();
        var rest = escaped.AsSpan().Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf('\n');
            if (cut < max / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < max / 2)
            {
                cut = max;
            }

            // Step back over an entity or a mention the cut would break (both are short).
            var open = window[..cut].LastIndexOfAny('&', '<');
            if (open > 0 && window[open..cut].IndexOfAny(';', '>') < 0)
            {
                cut = open;
            }

            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }
}
