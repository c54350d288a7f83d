using System.Globalization;
using System.Text;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Turns;

/// <summary>
/// Mention tokens in reply text: private-use characters around an index into <see cref="Reply.Mentions"/>.
/// Inbound text is cleaned of these characters, so people cannot forge a mention.
/// </summary>
public static class MentionText
{
    /// <summary>Opens a token.</summary>
    public const char Open = '\uE000';

    /// <summary>Closes a token.</summary>
    public const char Close = '\uE001';

    /// <summary>The token for the mention at <paramref name="index"/>.</summary>
    public static string Token(int index) => $"{Open}{index.ToString(CultureInfo.InvariantCulture)}{Close}";

    /// <summary>Removes token characters from user text.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Open, StringComparison.Ordinal) || text.Contains(Close, StringComparison.Ordinal)
            ? text.Replace(Open.ToString(), string.Empty, StringComparison.Ordinal).Replace(Close.ToString(), string.Empty, StringComparison.Ordinal)
            : text;
    }

    /// <summary>
    /// Rewrites text, turning each plain run with <paramref name="plain"/> and each token with
    /// <paramref name="mention"/>. Channels use it to escape user text and render mentions in one pass.
    /// </summary>
    public static string Render(string text, IReadOnlyList<MemberRef> mentions, Func<string, string> plain, Func<MemberRef, string> mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(mention);
        var output = new StringBuilder(text.Length + 16);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position);
            var close = open < 0 ? -1 : text.IndexOf(Close, open);
            if (open < 0 || close < 0)
            {
                output.Append(plain(text[position..]));
                break;
            }

            output.Append(plain(text[position..open]));
            if (int.TryParse(text.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index >= 0 && index < mentions.Count)
            {
                output.Append(mention(mentions[index]));
            }

            position = close + 1;
        }

        return output.ToString();
    }
}
