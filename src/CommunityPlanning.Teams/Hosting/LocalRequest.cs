using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// Tells a request made on this machine from one that only looks like it. A tunnel or reverse proxy running
/// here connects from loopback too, so the caller's address alone proves nothing: the Host header must name
/// loopback (which also defeats DNS rebinding from a web page) and no proxy header may be present.
/// </summary>
public static class LocalRequest
{
    /// <summary>True when both the caller and the Host header are loopback.</summary>
    public static bool IsLoopback(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return false;
        }

        var host = context.Request.Host.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>
    /// True when a proxy or tunnel handled the request: it carries <c>Forwarded</c>, any <c>X-Forwarded-*</c>,
    /// or the <c>X-Original-*</c> headers ASP.NET Core's forwarded-headers middleware leaves behind.
    /// </summary>
    public static bool IsForwarded(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in request.Headers.Keys)
        {
            if (string.Equals(name, "Forwarded", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the body is declared as JSON (<c>application/json</c>, any charset).</summary>
    public static bool IsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The refusal for an unauthenticated (Development, no app id) request that is not plainly local JSON:
    /// 403 when it came through a proxy or names another host, 415 when it is not JSON; null to accept it.
    /// </summary>
    public static int? RefusalForUnauthenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsForwarded(context.Request) || !IsLoopback(context))
        {
            return StatusCodes.Status403Forbidden;
        }

        return IsJson(context.Request) ? null : StatusCodes.Status415UnsupportedMediaType;
    }
}
