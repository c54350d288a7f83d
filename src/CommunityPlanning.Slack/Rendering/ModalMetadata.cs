using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Inbound;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// What a modal remembers in its <c>private_metadata</c> (at most 3,000 characters): the channel it was
/// opened from, the message its result replaces (when it was opened from a "Fill in the form" message),
/// the verb and data its submit button sends, and for a message shortcut the thread its result is posted in
/// and the shortcut's response_url (for a channel the bot is not in).
/// </summary>
/// <param name="Channel">The channel the form belongs to.</param>
/// <param name="ReplaceTs">The message to replace with the result, or null to post a new one.</param>
/// <param name="Verb">The submit verb, or null when the form has no submit action.</param>
/// <param name="Data">The submit data.</param>
public sealed record ModalMetadata(string Channel, string? ReplaceTs, string? Verb, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The thread (a message's ts) the result is posted in, or null for the channel itself.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>The response_url of the interaction that opened the modal (checked again before it is used).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>The compact JSON form.</summary>
    public string Encode()
    {
        var json = new JsonObject { ["c"] = Channel };
        if (ReplaceTs is not null)
        {
            json["ts"] = ReplaceTs;
        }

        if (ThreadTs is not null)
        {
            json["th"] = ThreadTs;
        }

        if (ResponseUrl is not null)
        {
            json["ru"] = ResponseUrl;
        }

        if (Verb is not null)
        {
            json["v"] = Verb;
            json["d"] = DataJson.ToObject(Data);
        }

        return json.ToJsonString();
    }

    /// <summary>Reads metadata back; null when it is not ours.</summary>
    public static ModalMetadata? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            if (JsonRead.TryParse(text) is not { } json || json["c"]?.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            var verb = json["v"]?.GetValueKind() == JsonValueKind.String ? json["v"]!.GetValue<string>() : null;
            var ts = json["ts"]?.GetValueKind() == JsonValueKind.String ? json["ts"]!.GetValue<string>() : null;
            var data = DataJson.TryRead(json["d"]) ?? new Dictionary<string, string>(StringComparer.Ordinal);
            return new ModalMetadata(json["c"]!.GetValue<string>(), ts, verb, data) { ThreadTs = json.Str("th"), ResponseUrl = json.Str("ru") };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
