using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// One fetched set of signing keys with everything a request needs ready-made: the validation parameters
/// and each key's endorsements. Built once per fetch, shared by every request until the next one.
/// </summary>
internal sealed class MetadataSnapshot
{
    private static readonly string[] NoEndorsements = [];

    // Key id → the channels the key is endorsed for; null when the key carries no endorsements at all.
    private readonly FrozenDictionary<string, string[]?> _keys;

    private MetadataSnapshot(TokenValidationParameters parameters, FrozenDictionary<string, string[]?> keys)
    {
        Parameters = parameters;
        _keys = keys;
    }

    public TokenValidationParameters Parameters { get; }

    public int KeyCount => _keys.Count;

    public bool HasKey(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>The key's endorsements, or null when it carries none (channel tokens then fail; Entra keys have none).</summary>
    public string[]? EndorsementsOf(string keyId) => _keys.TryGetValue(keyId, out var endorsements) ? endorsements : NoEndorsements;

    public static MetadataSnapshot Create(OpenIdConnectConfiguration configuration, TokenValidationParameters template)
    {
        var parameters = template.Clone();
        parameters.IssuerSigningKeys = configuration.SigningKeys.ToArray();

        var keys = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (!string.IsNullOrEmpty(key.Kid))
            {
                keys[key.Kid] = ReadEndorsements(key);
            }
        }

        return new MetadataSnapshot(parameters, keys.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // JsonWebKey has no endorsements property: the serializer keeps unknown members in AdditionalData.
    private static string[]? ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                return array.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToArray();
            case string single:
                return [single];
            case IEnumerable<object> items:
                return items.OfType<string>().ToArray();
            default:
                // Present but unreadable: treat as endorsing nothing rather than skipping the check.
                return NoEndorsements;
        }
    }
}
