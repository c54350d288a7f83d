using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Security;

namespace CommunityPlanning.Bot.Links;

/// <summary>
/// Signed links. Bound from <c>Links</c> (<c>Links:SigningKeys:{id}</c>, <c>Links:CurrentKeyId</c>) and the
/// top-level <c>PublicBaseUrl</c> (the address people reach the host at).
/// </summary>
internal sealed partial class LinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Links";

    /// <summary>The address used in Development when none is configured.</summary>
    public static readonly Uri DevelopmentBaseUrl = new("http://localhost:3978");

    /// <summary>
    /// The keys links may be signed with, by id: each the base64 of 32 random bytes. Keep the previous key here
    /// after a rotation until the links it signed have expired. Required outside Development.
    /// </summary>
    public Dictionary<string, string> SigningKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The id (in <see cref="SigningKeys"/>) of the key new links are signed with.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>The public address of the host, e.g. https://planbot.example.org. Required outside Development.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>What is wrong with the keys, as sentences that say how to fix it; empty when they are fine.</summary>
    public List<string> Problems(bool development)
    {
        var problems = new List<string>();
        foreach (var (id, value) in SigningKeys)
        {
            if (!KeyIdShape().IsMatch(id))
            {
                problems.Add($"Links:SigningKeys has a key named '{id}': key ids are 1 to 32 lower-case letters, digits and dashes, e.g. 2025-03.");
            }
            else if (SecretCheck.Problem($"Links:SigningKeys:{id}", value, SecretShape.Key256) is { } problem)
            {
                problems.Add(problem);
            }
            else if (!SecretCheck.IsSet(value))
            {
                problems.Add($"Links:SigningKeys:{id} is empty. Remove it, or set it to the base64 of 32 random bytes.");
            }
        }

        if (SigningKeys.Count == 0)
        {
            if (!development)
            {
                problems.Add("Set Links:SigningKeys:{id} (the base64 of 32 random bytes, made once: see docs/DEPLOY.md) and Links:CurrentKeyId: they sign download links.");
            }
        }
        else if (string.IsNullOrWhiteSpace(CurrentKeyId) || !SigningKeys.ContainsKey(CurrentKeyId))
        {
            problems.Add("Links:CurrentKeyId must name one of the keys in Links:SigningKeys: new links are signed with it.");
        }

        if (!development && PublicBaseUrl is not { Scheme: "https" })
        {
            problems.Add("Set PublicBaseUrl to the bot's public https address (e.g. https://planbot.example.org): download links point there.");
        }

        return problems;
    }

    /// <summary>The keys as bytes, by id (call after <see cref="Problems"/> found none).</summary>
    public Dictionary<string, byte[]> KeyBytes() =>
        SigningKeys.ToDictionary(k => k.Key, k => SecretCheck.TryKey256(k.Value, out var key) ? key : [], StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdShape();
}
