using System.Security.Cryptography;
using System.Text;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Fingerprints of the values a form card showed, carried in its Save button's data. On save, a field
/// whose submitted value still matches its fingerprint was not changed by this person, so the stored
/// value (perhaps changed by someone else meanwhile) is kept: two people editing different fields both win.
/// </summary>
internal static class ShownValues
{
    /// <summary>The data pairs for the values a card shows.</summary>
    public static IEnumerable<(string Key, string Value)> Data(FormDefinition form, IReadOnlyDictionary<string, string>? values) =>
        form.Fields.Select(f => (JourneyVerbs.ShownPrefix + f.Id, Hash(f, values?.GetValueOrDefault(f.Id))));

    /// <summary>The fingerprints a submitted card carried, to carry again on a card re-drawn with errors.</summary>
    public static IEnumerable<(string Key, string Value)> Carry(IReadOnlyDictionary<string, string> data) =>
        data.Where(p => p.Key.StartsWith(JourneyVerbs.ShownPrefix, StringComparison.Ordinal)).Select(p => (p.Key, p.Value)).ToList();

    /// <summary>True when the card carried a fingerprint for the field and the value still matches it.</summary>
    public static bool Unchanged(FieldDefinition field, string? submitted, IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue(JourneyVerbs.ShownPrefix + field.Id, out var shown)
        && string.Equals(shown, Hash(field, submitted), StringComparison.Ordinal);

    private static string Hash(FieldDefinition field, string? value)
    {
        // An unticked yes/no comes back as "false" whether it was blank or "false" before.
        var normal = field.Type == FieldType.Toggle ? value ?? "false" : value ?? string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)).AsSpan(0, 6));
    }
}
