using System.Text.RegularExpressions;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>Cleans message text before commands are matched.</summary>
public static partial class CommandText
{
    /// <summary>
    /// Collapses white space, drops a leading <c>/plan</c> or <c>plan:</c>, and trailing full stops,
    /// exclamation marks and question marks.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = Spaces().Replace(text, " ").Trim();
        cleaned = Prefix().Replace(cleaned, string.Empty);
        return cleaned.TrimEnd('.', '!', '?', ' ');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(/plan\b\s*|planbot\b[:,]?\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
