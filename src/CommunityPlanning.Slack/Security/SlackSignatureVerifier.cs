using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Security;

/// <summary>How a request's signature check ended.</summary>
public enum SignatureCheck
{
    /// <summary>Signed with our secret, within the time window.</summary>
    Valid,

    /// <summary>No signing secret is configured: every request is refused.</summary>
    NoSecret,

    /// <summary>The timestamp or signature header is missing.</summary>
    Missing,

    /// <summary>The timestamp is not a number.</summary>
    Malformed,

    /// <summary>The timestamp is more than five minutes old (a replay).</summary>
    Stale,

    /// <summary>The timestamp is more than five minutes ahead.</summary>
    Future,

    /// <summary>The signature is not a v0 signature.</summary>
    UnknownVersion,

    /// <summary>The signature does not match.</summary>
    Mismatch,
}

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the
/// signing secret, compared in constant time, within five minutes either way. Fails closed: with no
/// secret configured nothing is accepted.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>The largest difference accepted between the request's timestamp and now.</summary>
    public const int MaxSkewSeconds = 300;

    private const string Version = "v0";
    private readonly byte[]? _key;
    private readonly TimeProvider _clock;

    /// <summary>Creates a verifier for the configured signing secret.</summary>
    public SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var secret = options.Value.SigningSecret;
        _key = string.IsNullOrWhiteSpace(secret) ? null : Encoding.UTF8.GetBytes(secret);
        _clock = clock;
    }

    /// <summary>True when the request is genuine and fresh.</summary>
    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body) =>
        Check(timestamp, signature, body) == SignatureCheck.Valid;

    /// <summary>Checks a request's <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c> against its raw body.</summary>
    public SignatureCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return SignatureCheck.NoSecret;
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (now - seconds > MaxSkewSeconds)
        {
            return SignatureCheck.Stale;
        }

        if (seconds - now > MaxSkewSeconds)
        {
            return SignatureCheck.Future;
        }

        var separator = signature.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0 || !signature.AsSpan(0, separator).SequenceEqual(Version))
        {
            return SignatureCheck.UnknownVersion;
        }

        var provided = ParseHex(signature.AsSpan(separator + 1));
        if (provided is null)
        {
            return SignatureCheck.Mismatch;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[32];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static byte[]? ParseHex(ReadOnlySpan<char> hex)
    {
        if (hex.Length != 64)
        {
            return null;
        }

        var bytes = new byte[32];
        return Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32 ? bytes : null;
    }
}
