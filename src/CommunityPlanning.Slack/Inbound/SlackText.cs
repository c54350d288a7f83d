using System.Text;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>A message's text as people meant it, and the people it mentions.</summary>
/// <param name="Text">Plain text: the bot's mention removed, other mentions as names, links as their labels.</param>
/// <param name="MentionIds">User ids mentioned (not the bot), in order, each once.</param>
internal sealed record SlackInboundText(string Text, IReadOnlyList<string> MentionIds);

/// <summary>
/// Reads Slack's message markup: <c>&lt;@U123&gt;</c> and <c>&lt;@U123|name&gt;</c> mentions, <c>&lt;#C1|general&gt;</c>,
/// <c>&lt;!here&gt;</c>, <c>&lt;https://…|label&gt;</c>, and the <c>&amp;amp; &amp;lt; &amp;gt;</c> entities.
/// </summary>
internal static partial class SlackText
{
    public static async ValueTask<SlackInboundText> ReadAsync(string? raw, string? botUserId, Func<string, string?, ValueTask<string>> nameOf)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new SlackInboundText(string.Empty, []);
        }

        var output = new StringBuilder(raw.Length);
        var mentions = new List<string>();
        var position = 0;
        foreach (Match match in Token().Matches(raw))
        {
            output.Append(Mrkdwn(raw[position..match.Index]));
            position = match.Index + match.Length;
            var body = match.Groups[1].Value;
            var bar = body.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? body : body[..bar];
            var label = bar < 0 ? null : Mrkdwn(body[(bar + 1)..]);
            if (target.StartsWith('@'))
            {
                var id = target[1..];
                if (string.Equals(id, botUserId, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!mentions.Contains(id, StringComparer.Ordinal))
                {
                    mentions.Add(id);
                }

                output.Append(await nameOf(id, label).ConfigureAwait(false));
            }
            else if (target.StartsWith('#'))
            {
                output.Append('#').Append(label ?? "channel");
            }
            else if (target.StartsWith('!'))
            {
                output.Append(label ?? "@" + target[1..].Split('^')[0]);
            }
            else
            {
                output.Append(label ?? Mrkdwn(target));
            }
        }

        output.Append(Mrkdwn(raw[position..]));
        return new SlackInboundText(MentionText.Clean(output.ToString()).Trim(), mentions);
    }

    /// <summary>
    /// Removes mrkdwn formatting from raw message text: <c>*bold*</c>, <c>_italic_</c>, <c>~struck~</c>,
    /// <c>`code`</c> and code fences, and quote markers at a line's start, keeping the words. Markers are
    /// taken only on word boundaries, so <c>snake_case_words</c> are left alone.
    /// </summary>
    public static string StripFormatting(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Fence().Replace(raw, " ");
        text = QuoteMarker().Replace(text, string.Empty);
        text = Emphasis().Replace(text, "${inner}");
        return text;
    }

    private static string Mrkdwn(string text) => Rendering.Mrkdwn.Unescape(text);

    [GeneratedRegex("```", RegexOptions.CultureInvariant)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?:&gt;|>)\s?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"(?<![\w*_~`])(?<mark>[*_~`])(?<inner>[^\s*_~`](?:[^\n]*?[^\s])?)\k<mark>(?![\w*_~`])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex("<([^<>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
