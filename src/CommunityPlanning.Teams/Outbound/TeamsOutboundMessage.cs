using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CommunityPlanning.Teams.Outbound;

/// <summary>One Connector call as the outbox stores it.</summary>
public sealed record TeamsOutboundMessage
{
    /// <summary>The Connector's service URL (checked against the allowlist when sent).</summary>
    public required string ServiceUrl { get; init; }

    /// <summary>The conversation.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The activity to send.</summary>
    public required JsonObject Activity { get; init; }

    /// <summary>The activity to replace; null to post a new one.</summary>
    public string? UpdateId { get; init; }

    /// <summary>When the activity can no longer be replaced, post it as a new one.</summary>
    public bool PostIfUpdateFails { get; init; }

    /// <summary>The stored form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TeamsOutboundJson.Default.TeamsOutboundMessage);

    /// <summary>Reads the stored form.</summary>
    public static TeamsOutboundMessage? Read(string json) => JsonSerializer.Deserialize(json, TeamsOutboundJson.Default.TeamsOutboundMessage);
}

/// <summary>Source-generated JSON for stored Connector calls.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TeamsOutboundMessage))]
internal sealed partial class TeamsOutboundJson : JsonSerializerContext;
