using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityPlanning.Teams.Protocol;

/// <summary>System.Text.Json settings for the Bot Framework protocol, generated at build time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
public sealed partial class ActivityJson : JsonSerializerContext
{
    /// <summary>Reads an activity; null when the JSON is not an object.</summary>
    public static Activity? Read(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Default.Activity);

    /// <summary>Writes an activity.</summary>
    public static byte[] Write(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Default.Activity);
}

/// <summary>The body of a create-conversation call (a proactive 1:1 chat).</summary>
public sealed class ConversationParameters
{
    /// <summary>False for a 1:1 chat.</summary>
    public bool IsGroup { get; set; }

    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The person to chat with.</summary>
    public List<ChannelAccount>? Members { get; set; }

    /// <summary>The tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>Teams channel data (tenant).</summary>
    public JsonElement? ChannelData { get; set; }
}
