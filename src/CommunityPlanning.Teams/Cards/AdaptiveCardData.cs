using System.Text.Json.Nodes;

namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// The one shape of the data our Adaptive Card actions carry, for <c>Action.Execute</c> and its
/// <c>Action.Submit</c> fallback alike: <c>{"cpVerb": verb, "cpData": {key: value, …}}</c>. Teams adds
/// the card's input values beside these two properties, so input ids must not start with "cp".
/// </summary>
public static class AdaptiveCardData
{
    /// <summary>The property holding the verb.</summary>
    public const string VerbKey = "cpVerb";

    /// <summary>The property holding the action's data.</summary>
    public const string DataKey = "cpData";

    /// <summary>The prefix reserved for our own properties; no input id may start with it.</summary>
    public const string ReservedPrefix = "cp";

    /// <summary>Encodes a verb and its data as an action's <c>data</c> object.</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="data">The data.</param>
    /// <param name="extra">More data (overriding equal keys in <paramref name="data"/>).</param>
    /// <returns>A new object.</returns>
    public static JsonObject Encode(
        string verb,
        IReadOnlyDictionary<string, string> data,
        params ReadOnlySpan<KeyValuePair<string, string>> extra)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        ArgumentNullException.ThrowIfNull(data);
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in extra)
        {
            merged[key] = value;
        }

        // Sorted, so the same data always renders the same card whatever dictionary it came in.
        var values = new JsonObject();
        foreach (var (key, value) in merged)
        {
            values[key] = value;
        }

        return new JsonObject
        {
            [VerbKey] = verb,
            [DataKey] = values,
        };
    }

    /// <summary>True when an input id would collide with our own properties.</summary>
    /// <param name="inputId">The input id.</param>
    /// <returns>True when it is reserved.</returns>
    public static bool IsReserved(string inputId)
    {
        ArgumentNullException.ThrowIfNull(inputId);
        return inputId.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase);
    }
}
