using System.Net;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The playground answers only this machine: the caller must be on loopback and the Host header must
/// name loopback too, so a web page elsewhere cannot reach it by rebinding its DNS name to 127.0.0.1.
/// </summary>
internal static class LoopbackOnly
{
    /// <summary>Refuses with 403 anything that is not a loopback request.</summary>
    public static ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsLoopback(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(TypedResults.StatusCode(StatusCodes.Status403Forbidden));
    }

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
}
