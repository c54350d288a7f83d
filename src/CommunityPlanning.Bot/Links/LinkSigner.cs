using System.Buffers.Text;
using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommunityPlanning.Bot.Links;

/// <summary>
/// The one service that signs and checks the links the host hands out (minutes, data exports, plan documents,
/// survey uploads and progress pictures): <c>{path}?expires={unix}&amp;kid={key id}&amp;sig={base64url HMAC-SHA256}</c>.
/// The signature covers the link's purpose, its path, its expiry and the key id, so none can be changed or
/// reused for another kind of link. Links are signed with the current key and checked with whichever key
/// their <c>kid</c> names, so a key can be rotated while links signed with the previous one still work.
/// </summary>
internal sealed class LinkSigner
{
    /// <summary>The query parameter with the expiry (Unix seconds).</summary>
    public const string ExpiresParameter = "expires";

    /// <summary>The query parameter with the signing key's id.</summary>
    public const string KeyIdParameter = "kid";

    /// <summary>The query parameter with the signature.</summary>
    public const string SignatureParameter = "sig";

    private const int SignatureBytes = 32;

    // 32 bytes in unpadded base64url. Anything else is refused before decoding (the decoder throws on bad lengths).
    private const int SignatureChars = 43;
    private readonly FrozenDictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly Uri _baseUrl;

    /// <summary>Creates a signer with the keys it accepts (id → 32-byte key), the one it signs with, and the public address.</summary>
    public LinkSigner(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!keys.TryGetValue(currentKeyId, out var current) || current.Length != 32 || keys.Values.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Every key must be 32 bytes, and the current key must be one of them.", nameof(keys));
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _currentKeyId = currentKeyId;
        _baseUrl = baseUrl;
    }

    /// <summary>The id of the key new links are signed with.</summary>
    public string CurrentKeyId => _currentKeyId;

    /// <summary>A link to <paramref name="path"/> (absolute path, no query) for <paramref name="purpose"/>, valid until <paramref name="expires"/>.</summary>
    public Uri Sign(string path, string purpose, DateTimeOffset expires)
    {
        Guard(path, purpose);
        var unix = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Base64Url.EncodeToString(Mac(_keys[_currentKeyId], path, purpose, unix, _currentKeyId));
        return new Uri(_baseUrl, $"{path}?{ExpiresParameter}={unix}&{KeyIdParameter}={_currentKeyId}&{SignatureParameter}={signature}");
    }

    /// <summary>
    /// Checks a link's signature (in constant time) and then its expiry. <paramref name="path"/> is the path the
    /// endpoint serves, rebuilt from its route values, not the raw request path.
    /// </summary>
    public LinkCheck Check(string path, string purpose, string? expires, string? keyId, string? signature, DateTimeOffset now)
    {
        Guard(path, purpose);
        if (string.IsNullOrEmpty(expires) || expires.Length > 12 || signature is not { Length: SignatureChars }
            || !IsBase64Url(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || keyId is null || !_keys.TryGetValue(keyId, out var key))
        {
            return LinkCheck.Forged;
        }

        Span<byte> given = stackalloc byte[48];
        if (!TryDecode(signature, given, out var length) || length != SignatureBytes
            || !CryptographicOperations.FixedTimeEquals(given[..length], Mac(key, path, purpose, expires, keyId)))
        {
            return LinkCheck.Forged;
        }

        return unix < now.ToUnixTimeSeconds() ? LinkCheck.Expired : LinkCheck.Valid;
    }

    // Base64Url's decoder throws on characters outside its alphabet: check them first, so a forged link is a 403.
    private static bool IsBase64Url(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecode(string signature, Span<byte> into, out int written)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(signature, into, out written);
        }
        catch (FormatException)
        {
            written = 0;
            return false;
        }
    }

    private static byte[] Mac(byte[] key, string path, string purpose, string expires, string keyId) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"planbot-link-v1\n{purpose}\n{path}\n{expires}\n{keyId}"));

    private static void Guard(string path, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (path[0] != '/' || path.Contains('?', StringComparison.Ordinal) || path.Contains('\n', StringComparison.Ordinal) || purpose.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The path must be absolute without a query, and neither may hold a line break.", nameof(path));
        }
    }
}
