using System.Net;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// Decides whether the bot may send to a serviceUrl (and so attach its token). Only the Bot Framework
/// and Teams hosts pass, over https on the default port; loopback only when allowed (Development, for the
/// Emulator). Anything else is refused, so a forged serviceUrl cannot make the bot hand its token to
/// another server. Call it before any token is attached.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private static readonly string[] BuiltInHosts = ["*.botframework.com", "smba.trafficmanager.net", "*.teams.microsoft.com"];

    private readonly HashSet<string> _exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];

    /// <summary>Creates the policy.</summary>
    /// <param name="allowLoopback">Allow http/https to loopback addresses and localhost (Development only).</param>
    /// <param name="additionalHosts">Extra hosts: exact names or <c>*.suffix</c> for any subdomain.</param>
    public ServiceUrlPolicy(bool allowLoopback, IEnumerable<string>? additionalHosts = null)
    {
        AllowLoopback = allowLoopback;
        foreach (var pattern in BuiltInHosts.Concat(additionalHosts ?? []))
        {
            if (!IsValidHostPattern(pattern))
            {
                throw new ArgumentException($"'{pattern}' is not a host name or *.suffix pattern.", nameof(additionalHosts));
            }

            var trimmed = pattern.Trim();
            if (trimmed.StartsWith("*.", StringComparison.Ordinal))
            {
                _suffixes.Add(trimmed[1..].ToLowerInvariant());
            }
            else
            {
                _exactHosts.Add(trimmed);
            }
        }
    }

    /// <summary>True when loopback serviceUrls are allowed.</summary>
    public bool AllowLoopback { get; }

    /// <summary>Whether the bot may send to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return false;
        }

        var https = string.Equals(serviceUrl.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal);
        var http = string.Equals(serviceUrl.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal);
        if (!https && !http)
        {
            return false;
        }

        if (IsLoopback(serviceUrl))
        {
            return AllowLoopback;
        }

        if (!https || !serviceUrl.IsDefaultPort || serviceUrl.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        var host = serviceUrl.IdnHost;
        if (_exactHosts.Contains(host))
        {
            return true;
        }

        foreach (var suffix in _suffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the bot may send to <paramref name="serviceUrl"/>; false when it is not an absolute URL.</summary>
    public bool IsAllowed(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <summary>True for a plain DNS host name, optionally with a leading <c>*.</c> wildcard.</summary>
    public static bool IsValidHostPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var host = pattern.Trim();
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            host = host[2..];
        }

        return host.Contains('.', StringComparison.Ordinal)
            && !host.EndsWith('.')
            && Uri.CheckHostName(host) == UriHostNameType.Dns
            && !IPAddress.TryParse(host, out _);
    }

    private static bool IsLoopback(Uri uri) => uri.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address),
        UriHostNameType.Dns => string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
