namespace CommunityPlanning.Conversations.Security;

/// <summary>The shapes a configured secret must have.</summary>
public enum SecretShape
{
    /// <summary>Any non-blank text chosen by another service (an app password, a certificate password).</summary>
    Password,

    /// <summary>A Slack app's signing secret: at least 32 characters.</summary>
    SlackSigningSecret,

    /// <summary>A Slack bot token: <c>xoxb-…</c>, or <c>xoxe.xoxb-…</c> with token rotation.</summary>
    SlackBotToken,

    /// <summary>A Slack app's OAuth client secret: at least 32 characters.</summary>
    SlackClientSecret,

    /// <summary>A 256-bit key: the base64 of exactly 32 random bytes.</summary>
    Key256,
}

/// <summary>
/// The one start-up check for every secret the host reads. It refuses text that cannot be the secret: an
/// App Service Key Vault reference that did not resolve (App Service then passes the reference text itself,
/// which anyone can derive from the public host name) and values of the wrong shape. A secret that is not
/// set at all is not this check's business: each feature says whether it needs one.
/// </summary>
public static class SecretCheck
{
    /// <summary>How an unresolved App Service Key Vault reference starts.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The shortest Slack signing secret or client secret accepted.</summary>
    public const int MinimumSlackSecretLength = 32;

    /// <summary>True when <paramref name="value"/> holds something (blank counts as not set).</summary>
    public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>True when <paramref name="value"/> is a Key Vault reference App Service could not resolve.</summary>
    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What is wrong with the secret in setting <paramref name="setting"/>, as a sentence that says how to
    /// fix it; null when it is fine or not set. The secret itself never appears in the sentence.
    /// </summary>
    public static string? Problem(string setting, string? value, SecretShape shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (!IsSet(value))
        {
            return null;
        }

        if (IsUnresolvedKeyVaultReference(value))
        {
            return $"{setting} is a Key Vault reference that App Service could not resolve, so the app received the reference text instead of the secret. Check that the secret exists in the vault and that the app's identity may read it (Key Vault Secrets User).";
        }

        if (!string.Equals(value, value!.Trim(), StringComparison.Ordinal))
        {
            return $"{setting} starts or ends with spaces. Copy the secret again without them.";
        }

        return shape switch
        {
            SecretShape.Password => null,
            SecretShape.SlackSigningSecret or SecretShape.SlackClientSecret when value.Length < MinimumSlackSecretLength =>
                $"{setting} is too short to be a Slack secret (they have at least {MinimumSlackSecretLength} characters). Copy it from the app's Basic Information page.",
            SecretShape.SlackSigningSecret or SecretShape.SlackClientSecret => null,
            SecretShape.SlackBotToken when !IsSlackBotToken(value) =>
                $"{setting} is not a Slack bot token (they start with xoxb-, or xoxe.xoxb- with token rotation). Copy the Bot User OAuth Token from the app's OAuth & Permissions page.",
            SecretShape.SlackBotToken => null,
            SecretShape.Key256 when !TryKey256(value, out _) =>
                $"{setting} must be the base64 of 32 random bytes (a 256-bit key), e.g. from: openssl rand -base64 32",
            SecretShape.Key256 => null,
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown secret shape."),
        };
    }

    /// <summary>Reads a 256-bit key: the base64 of exactly 32 bytes; false for anything else.</summary>
    public static bool TryKey256(string? value, out byte[] key)
    {
        key = [];
        if (!IsSet(value) || IsUnresolvedKeyVaultReference(value) || value!.Length > 64)
        {
            return false;
        }

        var buffer = new byte[48];
        if (!Convert.TryFromBase64String(value, buffer, out var written) || written != 32)
        {
            return false;
        }

        key = buffer[..32];
        return true;
    }

    private static bool IsSlackBotToken(string value) =>
        (value.StartsWith("xoxb-", StringComparison.Ordinal) && value.Length > "xoxb-".Length)
        || (value.StartsWith("xoxe.xoxb-", StringComparison.Ordinal) && value.Length > "xoxe.xoxb-".Length);
}
