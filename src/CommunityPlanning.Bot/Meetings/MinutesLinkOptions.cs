namespace CommunityPlanning.Bot.Meetings;

/// <summary>
/// Minutes download links. Bound from <c>Minutes</c> (the signing key and lifetime) and the top-level
/// <c>PublicBaseUrl</c> (the address people reach the host at).
/// </summary>
internal sealed class MinutesLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Minutes";

    /// <summary>The key that signs links: at least 32 characters, or base64 of at least 32 random bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The public address of the host, e.g. https://planbot.example.org. Required outside Development.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The address used in Development when none is configured.</summary>
    public static readonly Uri DevelopmentBaseUrl = new("http://localhost:3978");

    /// <summary>The key's bytes, or null when it is missing or too short.</summary>
    public byte[]? KeyBytes()
    {
        // An App Service Key Vault reference that did not resolve arrives as its own text: never a key.
        if (string.IsNullOrWhiteSpace(SigningKey) || SigningKey.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new byte[SigningKey.Length];
        if (Convert.TryFromBase64String(SigningKey, buffer, out var written) && written >= 32)
        {
            return buffer[..written];
        }

        return SigningKey.Length >= 32 ? System.Text.Encoding.UTF8.GetBytes(SigningKey) : null;
    }
}
