using CommunityPlanning.Teams.Hosting;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The playground answers only this machine: the caller must be on loopback and the Host header must
/// name loopback too, so a web page elsewhere cannot reach it by rebinding its DNS name to 127.0.0.1, and
/// no proxy header may be present, so a tunnel to this machine cannot reach it either.
/// </summary>
internal static class LoopbackOnly
{
    /// <summary>Refuses with 403 anything that is not a loopback request, or that came through a proxy or tunnel.</summary>
    public static ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsLoopback(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(TypedResults.StatusCode(StatusCodes.Status403Forbidden));
    }

    /// <summary>True when both the caller and the Host header are loopback, and no proxy header is present.</summary>
    public static bool IsLoopback(HttpContext context) =>
        LocalRequest.IsLoopback(context) && !LocalRequest.IsForwarded(context.Request);
}
