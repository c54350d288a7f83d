using System.Security.Cryptography;
using System.Text;

namespace CommunityPlanning.Domain.State;

/// <summary>
/// Derives a steering group's id from where it talks: channel, tenant or workspace, and conversation.
/// The id is a hash, so it is key-safe and never exposes a raw id.
/// </summary>
public static class GroupIds
{
    /// <summary>The group id for a conversation.</summary>
    public static string For(string channel, string tenant, string conversation)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(conversation);
        var material = Encoding.UTF8.GetBytes($"{channel.Length}:{channel}|{tenant.Length}:{tenant}|{conversation}");
        var hash = SHA256.HashData(material);
        var prefix = new string(channel.Where(char.IsAsciiLetterOrDigit).Take(16).ToArray()).ToLowerInvariant();
        return $"{(prefix.Length == 0 ? "chat" : prefix)}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
