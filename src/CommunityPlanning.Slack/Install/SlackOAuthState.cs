using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// The <c>state</c> of the "Add to Slack" link: <c>{expires}.{nonce}.{sig}</c>, where <c>sig</c> is HMAC-SHA256 over a
/// version tag, the purpose (<c>slack-install</c>), the expiry and the nonce, with a key derived from the app's client
/// secret for this purpose only (the same approach as the host's signed links). A state made by anyone else, for
/// another purpose or another app, or past its expiry, is refused, in constant time, before anything else is done.
/// </summary>
internal sealed class SlackOAuthState(IOptions<SlackOptions> options, TimeProvider clock)
{
    private const string Purpose = "slack-install";
    private readonly byte[] _key = HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(options.Value.ClientSecret ?? string.Empty),
        Encoding.UTF8.GetBytes("cpbot|v1|oauth-state-key|" + Purpose));

    /// <summary>A fresh state, usable until <see cref="SlackOptions.InstallStateLifetime"/> from now.</summary>
    public string Create()
    {
        var expires = (clock.GetUtcNow() + options.Value.InstallStateLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        return $"{expires}.{nonce}.{Sign(expires, nonce)}";
    }

    /// <summary>True for a state this app made for the install and that has not expired.</summary>
    public bool IsValid(string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200)
        {
            return false;
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0], parts[1]));
        var given = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return expires >= now && expires <= now + (long)options.Value.InstallStateLifetime.TotalSeconds + 60;
    }

    private string Sign(string expires, string nonce) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"v1|{Purpose}|{expires}|{nonce}")));
}
