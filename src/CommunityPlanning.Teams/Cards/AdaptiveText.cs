using System.Text;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Puts plain text on an Adaptive Card so it shows as typed in every client, whether or not the client
/// processes Markdown. Text that Markdown would leave alone goes in a <c>TextBlock</c> untouched (no
/// backslashes, which some Teams mobile versions show literally); text that Markdown would change goes in
/// a <c>RichTextBlock</c>'s <c>TextRun</c>, which no client reads as Markdown.
/// </summary>
public static class AdaptiveText
{
    // Put between the braces of "{{": the function syntax ({{DATE(…)}}) no longer matches, and it shows nothing.
    private const char ZeroWidthSpace = '\u200B';

    // TextBlock properties a TextRun also has; the others (spacing, separator…) stay on the block.
    private static readonly string[] RunProperties = ["size", "weight", "color", "isSubtle", "fontType"];

    /// <summary>
    /// A <c>TextBlock</c> showing <paramref name="text"/> with the look given, or a <c>RichTextBlock</c>
    /// when Markdown would change the text. Line breaks are kept either way.
    /// </summary>
    /// <param name="text">Plain text, as typed by a person or written in content.</param>
    /// <param name="look">TextBlock properties (size, weight, color, isSubtle, spacing…); may be null.</param>
    /// <returns>The element.</returns>
    public static JsonObject Block(string text, JsonObject? look = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        if (lines.All(IsPlainLine))
        {
            var block = new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n\n", lines) };
            Copy(look, block, _ => true);
            block["wrap"] = true;
            return block;
        }

        var run = new JsonObject { ["type"] = "TextRun", ["text"] = string.Join("\n", lines.Select(BreakFunctions)) };
        Copy(look, run, RunProperties.Contains);
        var rich = new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray { run } };
        Copy(look, rich, name => !RunProperties.Contains(name) && name is not ("style" or "wrap" or "maxLines"));
        return rich;
    }

    /// <summary>True when Markdown would show the text exactly as typed, so it needs no escaping.</summary>
    /// <param name="text">Plain text.</param>
    /// <returns>Whether the text can go in a Markdown field as it is.</returns>
    public static bool IsPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Lines(text).All(IsPlainLine);
    }

    /// <summary>
    /// Escapes plain text for a field that is always read as Markdown (a chat message that mentions
    /// people): only what Markdown would act on in that place is escaped — emphasis and code markers,
    /// a link's <c>[</c>…<c>](</c>, HTML's <c>&lt;</c>, and list, heading and quote markers at the start of a
    /// line; never <c>(</c>, <c>)</c> or <c>!</c> in ordinary text. <c>{{</c> is broken up and each line
    /// break kept as a paragraph break.
    /// </summary>
    /// <param name="text">Plain text.</param>
    /// <returns>Text for a Markdown field.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("\n\n", Lines(text).Select(EscapeLine));
    }

    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    private static bool IsPlainLine(string line) => string.Equals(EscapeLine(line), line, StringComparison.Ordinal);

    private static void Copy(JsonObject? from, JsonObject to, Func<string, bool> wanted)
    {
        if (from is null)
        {
            return;
        }

        foreach (var (name, value) in from)
        {
            if (wanted(name) && name is not ("type" or "text"))
            {
                to[name] = value?.DeepClone();
            }
        }
    }

    private static string BreakFunctions(string line) =>
        line.Replace("{{", "{" + ZeroWidthSpace + "{", StringComparison.Ordinal);

    private static string EscapeLine(string line)
    {
        var builder = new StringBuilder(line.Length + 8);
        var start = 0;
        while (start < line.Length && (line[start] == ' ' || line[start] == '\t'))
        {
            start++;
        }

        // Four leading spaces would make a code block: they are dropped (so the line is not plain).
        if (start < 4)
        {
            builder.Append(line, 0, start);
        }

        var markerEnd = OrderedListMarkerEnd(line, start);
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            var atLineStart = i == start;
            if (c is '\\' or '*' or '_' or '`' or '~' or '<'
                || (c == '[' && line.IndexOf("](", i, StringComparison.Ordinal) > i)
                || (atLineStart && (c == '>' || (c is '#' or '-' or '+' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '#'))))
                || (atLineStart && c is '-' or '=' && IsRule(line, start, c))
                || i == markerEnd)
            {
                builder.Append('\\');
            }
            else if (c == '{' && i > start && line[i - 1] == '{')
            {
                builder.Append(ZeroWidthSpace);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // "---" or "===" alone on a line: a rule or a heading's underline.
    private static bool IsRule(string line, int start, char c) =>
        line.Length - start >= 3 && line.AsSpan(start).Trim().ToString().All(ch => ch == c);

    // "1. " or "12) " at the start of a line starts a numbered list: returns the index of the '.' or ')'.
    private static int OrderedListMarkerEnd(string line, int start)
    {
        var i = start;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        var isMarker = i > start && i < line.Length && line[i] is '.' or ')' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t');
        return isMarker ? i : -1;
    }
}
