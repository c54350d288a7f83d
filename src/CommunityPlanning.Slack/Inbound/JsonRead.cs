using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Security;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// Lenient reads of Slack payloads: a missing or odd field is null, never an exception. Parsing is strict:
/// malformed JSON or UTF-8, a string that does not decode, nesting deeper than 64 or a repeated property
/// name makes the payload unreadable (null).
/// </summary>
internal static class JsonRead
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public static JsonObject? Obj(this JsonNode? node, string name) => (node as JsonObject)?[name] as JsonObject;

    public static JsonArray? Arr(this JsonNode? node, string name) => (node as JsonObject)?[name] as JsonArray;

    public static string? Str(this JsonNode? node, string name) =>
        (node as JsonObject)?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static IEnumerable<JsonObject> Objects(this JsonArray? array) => array?.OfType<JsonObject>() ?? [];

    public static JsonObject? TryParse(ReadOnlySpan<byte> utf8)
    {
        if (!InboundJson.IsReadable(utf8))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(utf8, documentOptions: Strict) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject? TryParse(string? text) =>
        string.IsNullOrEmpty(text) ? null : TryParse(Encoding.UTF8.GetBytes(text));
}
