namespace CommunityPlanning.Conversations.Turns;

/// <summary>A card action: its verb, the data the card carried, and the values typed into inputs.</summary>
/// <param name="Verb">What the action does, e.g. <c>checklist.set</c>.</param>
/// <param name="Data">Data the card attached to the action (ids, and the values the card showed).</param>
/// <param name="Inputs">Values of the card's inputs, by input id.</param>
public sealed record Submission(
    string Verb,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, string> Inputs)
{
    /// <summary>The data key that names the group a card belongs to.</summary>
    public const string GroupKey = "g";

    /// <summary>True when the channel fired the action itself (Teams refresh), not a person.</summary>
    public bool IsAutomatic { get; init; }

    /// <summary>A data value, or null.</summary>
    public string? Get(string key) => Data.GetValueOrDefault(key);
}
