using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Inbound;

namespace CommunityPlanning.Slack.Rendering;

/// <summary>
/// What a button carries back: the verb and its data, as compact JSON in the button's <c>value</c>
/// (<c>{"v":verb,"d":{…}}</c>, at most 2,000 characters).
/// </summary>
/// <param name="Verb">The verb.</param>
/// <param name="Data">The data.</param>
public sealed record ActionValue(string Verb, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The compact JSON form.</summary>
    public string Encode() => new JsonObject { ["v"] = Verb, ["d"] = DataJson.ToObject(Data) }.ToJsonString();

    /// <summary>Reads a button value; null when it is not one of ours.</summary>
    public static ActionValue? TryDecode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonRead.TryParse(value) is { } json
                && json["v"]?.GetValueKind() == JsonValueKind.String
                && DataJson.TryRead(json["d"]) is { } data
                ? new ActionValue(json["v"]!.GetValue<string>(), data)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>String dictionaries as JSON objects.</summary>
internal static class DataJson
{
    public static JsonObject ToObject(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
        {
            json[key] = value;
        }

        return json;
    }

    public static string Encode(IReadOnlyDictionary<string, string> data) => ToObject(data).ToJsonString();

    public static Dictionary<string, string>? TryRead(JsonNode? node)
    {
        if (node is not JsonObject json)
        {
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            data[key] = value.GetValue<string>();
        }

        return data;
    }

    public static Dictionary<string, string>? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return TryRead(JsonRead.TryParse(text));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
