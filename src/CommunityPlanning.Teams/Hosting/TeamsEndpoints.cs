using CommunityPlanning.Conversations.Security;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static partial class TeamsEndpoints
{
    /// <summary>The largest activity accepted.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Maps <c>POST /api/messages</c>. Without <c>MicrosoftAppId</c> (Development only) no token is checked, so the
    /// endpoint then answers only plainly local requests: a loopback caller and Host header, no proxy headers
    /// (<c>Forwarded</c>, <c>X-Forwarded-*</c>), and an <c>application/json</c> body; a tunnel cannot reach it.
    /// </summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BotFrameworkHandler handler, IOptions<BotAuthOptions> authOptions, ILoggerFactory loggers)
    {
        if (!authOptions.Value.IsAuthenticationConfigured && LocalRequest.RefusalForUnauthenticated(context) is { } refusal)
        {
            LogNotLocal(loggers.CreateLogger(typeof(TeamsEndpoints).FullName!), refusal);
            return Results.StatusCode(refusal);
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            // Every string must decode before any is read: fields kept as JsonElement (entities, value,
            // channel data) would otherwise throw on invalid text deep inside the turn.
            activity = InboundJson.IsReadable(body) ? ActivityJson.Read(body) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            return Results.BadRequest();
        }

        var response = await handler.HandleAsync(activity, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, context.Connection.RemoteIpAddress, context.RequestAborted).ConfigureAwait(false);
        return response.Body is null ? Results.StatusCode(response.Status) : Results.Json(response.Body, statusCode: response.Status);
    }

    /// <summary>Reads the body, or returns null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Refused an unauthenticated request to /api/messages with {Status}: without MicrosoftAppId only local JSON requests (loopback, no proxy headers) are accepted")]
    private static partial void LogNotLocal(ILogger logger, int status);
}
