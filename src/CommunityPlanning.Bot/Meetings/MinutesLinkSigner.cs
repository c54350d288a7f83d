using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityPlanning.Conversations.Meetings;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>How a minutes link checked out.</summary>
internal enum MinutesLinkCheck
{
    /// <summary>Signed by us and still in date.</summary>
    Valid,

    /// <summary>Not signed by us (or altered).</summary>
    Forged,

    /// <summary>Signed by us, but past its expiry.</summary>
    Expired,
}

/// <summary>
/// Signs and checks minutes download links: <c>/minutes/{group}/{meeting}.md?expires={unix}&amp;sig={base64url
/// HMAC-SHA256}</c>. The signature covers the group, the meeting and the expiry, so none can be changed.
/// </summary>
internal sealed class MinutesLinkSigner(byte[] key, Uri baseUrl, TimeSpan lifetime) : IMinutesLinks
{
    /// <summary>The path of a meeting's minutes.</summary>
    public static string PathFor(string groupId, string meetingId) => $"/minutes/{groupId}/{meetingId}.md";

    /// <inheritdoc />
    public Uri? For(string groupId, string meetingId, DateTimeOffset now)
    {
        var expires = (now + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Base64Url.EncodeToString(Sign(groupId, meetingId, expires));
        return new Uri(baseUrl, $"{PathFor(groupId, meetingId)}?expires={expires}&sig={signature}");
    }

    /// <summary>Checks a link's expiry and signature (in constant time).</summary>
    public MinutesLinkCheck Check(string groupId, string meetingId, string? expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || signature.Length > 64)
        {
            return MinutesLinkCheck.Forged;
        }

        Span<byte> given = stackalloc byte[48];
        if (!Base64Url.TryDecodeFromChars(signature, given, out var length)
            || !CryptographicOperations.FixedTimeEquals(given[..length], Sign(groupId, meetingId, expires)))
        {
            return MinutesLinkCheck.Forged;
        }

        return unix < now.ToUnixTimeSeconds() ? MinutesLinkCheck.Expired : MinutesLinkCheck.Valid;
    }

    private byte[] Sign(string groupId, string meetingId, string expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"minutes\n{groupId}\n{meetingId}\n{expires}"));
}
