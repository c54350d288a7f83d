using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Actions;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// The message a "Make an action" message shortcut (<c>message_action</c>, callback <c>make_action</c>) was used
/// on: its text in Slack's markup (capped), who wrote it, and a link back to it.
/// </summary>
/// <param name="Text">The message's text as Slack sent it (markup and entities), at most <see cref="MaxRaw"/> characters.</param>
/// <param name="AuthorId">The user who wrote it, or null for a bot's message.</param>
/// <param name="AuthorName">A name the payload gave for a bot's message (its username), or null.</param>
/// <param name="Link">The message's permalink, or null when the payload lacks what it is made of.</param>
internal sealed partial record SlackShortcutMessage(string Text, string? AuthorId, string? AuthorName, Uri? Link)
{
    /// <summary>The shortcut's callback id in the app manifest.</summary>
    public const string CallbackId = "make_action";

    /// <summary>The longest raw text read: markup shrinks when read, and the rest is never needed for a title.</summary>
    public const int MaxRaw = MessageActionCommand.MaxText * 4;

    /// <summary>Reads the message of a <c>message_action</c> payload; null when it has none.</summary>
    public static SlackShortcutMessage? Read(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Obj("message") is not { } message)
        {
            return null;
        }

        var text = message.Str("text") ?? string.Empty;
        if (text.Length > MaxRaw)
        {
            text = text[..MaxRaw];
        }

        var channel = payload.Obj("channel").Str("id");
        var ts = message.Str("ts") ?? payload.Str("message_ts");
        return new SlackShortcutMessage(text, message.Str("user"), message.Str("username") ?? message.Obj("bot_profile").Str("name"), Permalink(payload.Obj("team").Str("domain"), channel, ts));
    }

    /// <summary>The thread a reply to the message goes in: the message's own thread, or a new one under it.</summary>
    public static string? ThreadOf(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var message = payload.Obj("message");
        return message.Str("thread_ts") ?? message.Str("ts") ?? payload.Str("message_ts");
    }

    // Slack's permalink form, https://{workspace}.slack.com/archives/{channel}/p{ts without the dot}: made from the
    // payload rather than asked for with chat.getPermalink, which would spend the trigger id's 3 seconds.
    private static Uri? Permalink(string? domain, string? channel, string? ts) =>
        domain is not null && Domain().IsMatch(domain) && channel is not null && Channel().IsMatch(channel) && ts is not null && Ts().IsMatch(ts)
            ? new Uri($"https://{domain}.slack.com/archives/{channel}/p{ts.Replace(".", string.Empty, StringComparison.Ordinal)}")
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();

    [GeneratedRegex("^[A-Z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Channel();

    [GeneratedRegex(@"^\d{1,12}\.\d{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ts();
}
