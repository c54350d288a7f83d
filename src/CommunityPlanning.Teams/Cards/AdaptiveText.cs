using System.Text;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// Makes plain text safe for Adaptive Card <c>TextBlock</c>s and <c>FactSet</c>s, which read a Markdown
/// subset and <c>{{DATE(…)}}</c> / <c>{{TIME(…)}}</c> functions.
/// </summary>
public static class AdaptiveText
{
    // Characters that act anywhere in a line (emphasis, code, links, tables, images, autolinks, HTML).
    // '-', '+', '#' and '>' only act at the start of a line, so they are escaped only there: Teams mobile
    // has shown stray backslashes in the past, and "co-op" or "10-12" should not carry one.
    private const string InlineSpecials = "\\*_`[]()!|<";

    // Put between the braces of "{{": the function syntax no longer matches, and it shows nothing.
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Escapes plain text so it renders literally: Markdown characters are backslash-escaped, list
    /// and heading markers at the start of a line are neutralised, <c>{{</c> is broken up, and each line
    /// break is kept (Markdown would otherwise join single lines).
    /// </summary>
    /// <param name="text">Plain text, as typed by a person or written in content.</param>
    /// <returns>Text for a <c>TextBlock</c>'s <c>text</c> or a fact's title or value.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                // A blank line is a paragraph break: the only line break every renderer honours.
                builder.Append("\n\n");
            }

            AppendLine(builder, lines[i]);
        }

        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, string line)
    {
        var start = 0;
        while (start < line.Length && (line[start] == ' ' || line[start] == '\t'))
        {
            start++;
        }

        // Leading spaces are dropped: four of them would make a code block.
        var markerEnd = OrderedListMarkerEnd(line, start);
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            var atLineStart = i == start;
            if (InlineSpecials.Contains(c, StringComparison.Ordinal)
                || (atLineStart && c is '-' or '+' or '#' or '>' or '=' or '~')
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
    }

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
