using System.Text;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// Slack mrkdwn for user text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities, so nothing a person
/// typed can become a link, a mention or <c>&lt;!channel&gt;</c>. (Emphasis characters such as * and _ are
/// left alone: at worst they make a word bold.)
/// </summary>
public static class Mrkdwn
{
    private const string Ellipsis = "…";

    /// <summary>Escapes plain text for a mrkdwn field.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
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
                _ => c.ToString(),
            });
        }

        return output.ToString();
    }

    /// <summary>Turns Slack's escaped text back into what the person typed.</summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
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
