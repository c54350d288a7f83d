using System.Security.Cryptography;
using System.Text;
using CommunityPlanning.Conversations.Security;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// Seals workspaces' bot tokens for storage with AES-256-GCM, and opens them again. New tokens are sealed with the
/// current key (<c>Slack:TokenEncryptionKeyId</c>, by default the single <c>Slack:TokenEncryptionKey</c>); any
/// configured key opens the tokens it sealed, so a key can be rotated without re-installing. The sealed token is
/// bound to its workspace (associated data), so a row's token cannot be copied into another workspace's row.
/// Format: base64 of version (1 byte) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SlackTokenProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly string _currentId;

    /// <summary>Reads the keys from the options (already checked at start-up).</summary>
    public SlackTokenProtector(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (SecretCheck.TryKey256(settings.TokenEncryptionKey, out var single))
        {
            _keys[SlackOptions.DefaultKeyId] = single;
        }

        foreach (var (id, value) in settings.TokenEncryptionKeys)
        {
            if (SecretCheck.TryKey256(value, out var key))
            {
                _keys[id] = key;
            }
        }

        _currentId = settings.TokenEncryptionKeyId ?? SlackOptions.DefaultKeyId;
    }

    /// <summary>Seals a token for the workspace; returns it with the id of the key used.</summary>
    public (string Sealed, string KeyId) Seal(string token, string scope, string workspaceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (!_keys.TryGetValue(_currentId, out var key))
        {
            throw new InvalidOperationException("No Slack token encryption key is configured (Slack:TokenEncryptionKey).");
        }

        var plain = Encoding.UTF8.GetBytes(token);
        var output = new byte[1 + NonceSize + TagSize + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Associated(_currentId, scope, workspaceId));
        CryptographicOperations.ZeroMemory(plain);
        return (Convert.ToBase64String(output), _currentId);
    }

    /// <summary>Opens a sealed token; null when the key is not configured any more or the token was tampered with.</summary>
    public string? Open(string sealedToken, string keyId, string scope, string workspaceId)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            return null;
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(sealedToken);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length <= 1 + NonceSize + TagSize || input[0] != Version)
        {
            return null;
        }

        var plain = new byte[input.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plain, Associated(keyId, scope, workspaceId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] Associated(string keyId, string scope, string workspaceId) =>
        Encoding.UTF8.GetBytes($"cpbot-slack-bot-token|v{Version}|{keyId}|{scope}|{workspaceId}");
}
