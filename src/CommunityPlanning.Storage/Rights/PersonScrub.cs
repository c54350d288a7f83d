using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Replaces a person in a record's JSON: a person object (<c>{ id, name }</c>) with their id becomes the
/// placeholder and "a former member"; any string equal to (or, for long ids, containing) one of their ids or index
/// keys becomes the placeholder; their name, as a whole word in any text, becomes "a former member" unless names
/// are kept (minutes, where a council keeps them as statutory records).
/// </summary>
internal sealed class PersonScrub
{
    // Ids shorter than this are only replaced whole, so a short test id never rewrites unrelated text.
    private const int MinSubstringLength = 6;

    private readonly HashSet<string> _secrets;
    private readonly string[] _longSecrets;
    private readonly string _placeholder;
    private readonly Regex? _name;

    public PersonScrub(IEnumerable<string> secrets, string placeholder, string? name)
    {
        _secrets = new HashSet<string>(secrets.Where(s => s.Length > 0), StringComparer.Ordinal);
        _longSecrets = _secrets.Where(s => s.Length >= MinSubstringLength).ToArray();
        _placeholder = placeholder;
        _name = name is { Length: >= 2 } n && !string.Equals(n, "Someone", StringComparison.Ordinal)
            ? new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(n) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : null;
    }

    /// <summary>True when the text holds one of the person's ids or keys, or their name as a word.</summary>
    public bool Mentions(string text) =>
        _secrets.Contains(text) || _longSecrets.Any(s => text.Contains(s, StringComparison.Ordinal)) || (_name?.IsMatch(text) ?? false);

    /// <summary>True when the text holds one of the person's ids or keys (names aside).</summary>
    public bool HoldsId(string text) =>
        _secrets.Contains(text) || _longSecrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    /// <summary>Scrubs the node in place; true when anything changed.</summary>
    public bool Scrub(JsonNode? node, bool names)
    {
        switch (node)
        {
            case JsonObject obj:
                var changed = false;
                if (obj["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && _secrets.Contains(id))
                {
                    obj["id"] = _placeholder;
                    if (obj.ContainsKey("name"))
                    {
                        obj["name"] = PersonErasure.FormerMember;
                    }

                    changed = true;
                }

                foreach (var property in obj.ToList())
                {
                    if (property.Value is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        var scrubbed = ScrubText(text, names);
                        if (!string.Equals(scrubbed, text, StringComparison.Ordinal))
                        {
                            obj[property.Key] = scrubbed;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= Scrub(property.Value, names);
                    }
                }

                return changed;
            case JsonArray array:
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        var scrubbed = ScrubText(text, names);
                        if (!string.Equals(scrubbed, text, StringComparison.Ordinal))
                        {
                            array[i] = scrubbed;
                            any = true;
                        }
                    }
                    else
                    {
                        any |= Scrub(array[i], names);
                    }
                }

                return any;
            default:
                return false;
        }
    }

    /// <summary>The text with the person's ids, keys and (when <paramref name="names"/>) name replaced.</summary>
    public string ScrubText(string text, bool names)
    {
        if (_secrets.Contains(text))
        {
            return _placeholder;
        }

        foreach (var secret in _longSecrets)
        {
            text = text.Replace(secret, _placeholder, StringComparison.Ordinal);
        }

        return names && _name is not null ? _name.Replace(text, PersonErasure.FormerMember) : text;
    }
}
