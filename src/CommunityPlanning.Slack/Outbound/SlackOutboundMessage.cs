using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Outbound;

/// <summary>What a stored Slack call does.</summary>
internal enum SlackOperation
{
    /// <summary>chat.postMessage.</summary>
    Post,

    /// <summary>chat.update of <see cref="SlackOutboundMessage.Ts"/>.</summary>
    Update,

    /// <summary>chat.postEphemeral to <see cref="SlackOutboundMessage.User"/>.</summary>
    Ephemeral,

    /// <summary>views.open with <see cref="SlackOutboundMessage.TriggerId"/>; the fallback messages when it fails.</summary>
    Modal,

    /// <summary>An ephemeral answer through <see cref="SlackOutboundMessage.ResponseUrl"/> (works where the bot is not in the channel).</summary>
    Respond,
}

/// <summary>One Slack Web API call as the outbox stores it.</summary>
internal sealed record SlackOutboundMessage
{
    public required SlackOperation Op { get; init; }

    public required string Channel { get; init; }

    /// <summary>The workspace (team id) whose token makes the call; missing in rows stored before it was recorded.</summary>
    public string? Team { get; init; }

    /// <summary>The workspace's organisation, when it belongs to one.</summary>
    public string? Enterprise { get; init; }

    /// <summary>The workspace the call is for.</summary>
    [JsonIgnore]
    public SlackWorkspace Workspace => new(Team ?? string.Empty, Enterprise);

    public string? Text { get; init; }

    public JsonArray? Blocks { get; init; }

    /// <summary>The message to update.</summary>
    public string? Ts { get; init; }

    /// <summary>When the update can no longer be made, post the message instead.</summary>
    public bool PostIfUpdateFails { get; init; }

    /// <summary>The thread (a message's ts) the message is posted in, or null for the channel itself.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>The person an ephemeral message is for.</summary>
    public string? User { get; init; }

    /// <summary>A slash command's or message shortcut's response_url, for answering where the bot is not a member.</summary>
    public Uri? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public JsonObject? View { get; init; }

    /// <summary>What to post when a modal could not be opened (usually an expired trigger).</summary>
    public IReadOnlyList<SlackOutboundMessage>? Fallback { get; init; }

    public SlackMessage Message => new(Text ?? string.Empty, Blocks ?? []);

    public static SlackOutboundMessage For(SlackOperation op, string channel, SlackMessage message) =>
        new() { Op = op, Channel = channel, Text = message.Text, Blocks = message.Blocks };

    public string ToJson() => JsonSerializer.Serialize(this, SlackOutboundJson.Default.SlackOutboundMessage);

    public static SlackOutboundMessage? Read(string json) => JsonSerializer.Deserialize(json, SlackOutboundJson.Default.SlackOutboundMessage);
}

/// <summary>Source-generated JSON for stored Slack calls.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SlackOutboundMessage))]
internal sealed partial class SlackOutboundJson : JsonSerializerContext;
