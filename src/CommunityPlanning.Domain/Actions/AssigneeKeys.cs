using System.Security.Cryptography;
using System.Text;

namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// A key-safe id for a person across every group they belong to in one channel and tenant or workspace:
/// the partition of their "my actions" index. A hash, so it never exposes a raw id.
/// </summary>
public static class AssigneeKeys
{
    /// <summary>The key for a user of a channel in a tenant or workspace.</summary>
    public static string For(string channel, string tenant, string userId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(userId);
        var material = Encoding.UTF8.GetBytes($"{channel.Length}:{channel}|{tenant.Length}:{tenant}|{userId}");
        return "u-" + Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 16));
    }
}
