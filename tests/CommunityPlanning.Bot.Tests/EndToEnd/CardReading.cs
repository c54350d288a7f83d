using System.Text.Json.Nodes;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>Reads what the bot sent: card titles, all card text, and action data.</summary>
internal static class CardReading
{
    public static JsonObject? Card(this ConnectorCall call) =>
        call.Body["attachments"]?.AsArray().FirstOrDefault()?["content"] as JsonObject;

    /// <summary>Every string in the card or message, joined, for "contains" checks.</summary>
    public static string AllText(this ConnectorCall call) => AllText((JsonNode)call.Body);

    public static string AllText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => AllText(p.Value))),
        JsonArray a => string.Join("\n", a.Select(AllText)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => string.Empty,
    };

    /// <summary>The cpData of the first action with this verb anywhere in the card.</summary>
    public static JsonObject? ActionData(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["cpVerb"]?.GetValue<string>() == verb && o["cpData"] is JsonObject data)
                {
                    return (JsonObject)data.DeepClone();
                }

                foreach (var (_, child) in o)
                {
                    if (ActionData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray a:
                return a.Select(child => ActionData(child, verb)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}
