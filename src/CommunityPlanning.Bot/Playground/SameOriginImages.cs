using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// Points the pictures in a card at the page's own origin. The host signs picture links for <c>PublicBaseUrl</c>
/// (in Development <c>http://localhost:3978</c>), which need not be the address the playground was opened at (tests
/// listen on any free port), and the playground's pages load images from their own origin only.
/// </summary>
internal static class SameOriginImages
{
    /// <summary>Replaces the address of every Adaptive Card <c>Image</c> under <paramref name="node"/> by its path and query.</summary>
    public static T Rewrite<T>(T node)
        where T : JsonNode
    {
        foreach (var image in Descendants(node).Where(n => n["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "Image"))
        {
            if (image["url"] is JsonValue value && value.TryGetValue<string>(out var url) && Uri.TryCreate(url, UriKind.Absolute, out var absolute))
            {
                image["url"] = absolute.PathAndQuery;
            }
        }

        return node;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))).ToList(),
        JsonArray a => a.SelectMany(Descendants).ToList(),
        _ => [],
    };
}
