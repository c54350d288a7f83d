using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityPlanning.Teams.Protocol;

/// <summary>
/// A Bot Framework v3 activity: the fields the bot reads or writes, with every other field kept in
/// <see cref="Extra"/> so nothing the channel sent is lost when an activity is read and written back.
/// </summary>
public sealed class Activity
{
    /// <summary>message, invoke, conversationUpdate, event, installationUpdate, typing…</summary>
    public string? Type { get; set; }

    /// <summary>The channel's id for this activity.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel sent it.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Where replies go.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>msteams, webchat, emulator, directline…</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The receiver (the bot, inbound).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Message text.</summary>
    public string? Text { get; set; }

    /// <summary>plain, markdown or xml.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The sender's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>Mentions and other entities.</summary>
    public List<JsonElement>? Entities { get; set; }

    /// <summary>Cards and files.</summary>
    public List<Attachment>? Attachments { get; set; }

    /// <summary>An invoke's payload, or an Action.Submit's data.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>An invoke's or event's name.</summary>
    public string? Name { get; set; }

    /// <summary>The activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>People added, in a conversationUpdate.</summary>
    public List<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>People removed, in a conversationUpdate.</summary>
    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>add or remove, in an installationUpdate.</summary>
    public string? Action { get; set; }

    /// <summary>Channel-specific data (Teams: tenant, team, channel, meeting).</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Every field not modelled above, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A person or bot in a conversation.</summary>
public sealed class ChannelAccount
{
    /// <summary>The channel's id for them.</summary>
    public string? Id { get; set; }

    /// <summary>Their display name.</summary>
    public string? Name { get; set; }

    /// <summary>Their Microsoft Entra object id (Teams).</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Every other field, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A conversation: a channel thread, a group chat or a 1:1 chat.</summary>
public sealed class ConversationAccount
{
    /// <summary>The conversation id.</summary>
    public string? Id { get; set; }

    /// <summary>Its name, if any.</summary>
    public string? Name { get; set; }

    /// <summary>personal, groupChat or channel (Teams).</summary>
    public string? ConversationType { get; set; }

    /// <summary>True for group conversations.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The tenant (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>Every other field, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An attachment, such as an Adaptive Card.</summary>
public sealed class Attachment
{
    /// <summary>The content type, e.g. application/vnd.microsoft.card.adaptive.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content.</summary>
    public JsonElement? Content { get; set; }

    /// <summary>Every other field, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The answer to a create-conversation or send call.</summary>
public sealed class ResourceResponse
{
    /// <summary>The new activity's or conversation's id.</summary>
    public string? Id { get; set; }
}
