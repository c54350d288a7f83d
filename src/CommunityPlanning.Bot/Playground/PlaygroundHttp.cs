using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace CommunityPlanning.Bot.Playground;

/// <summary>Small HTTP helpers shared by the playground's endpoints.</summary>
internal static class PlaygroundHttp
{
    /// <summary>The largest body accepted, as for /api/messages.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The path of the local connector the bot replies to.</summary>
    public const string ConnectorPath = "/playground/connector/";

    /// <summary>Reads a JSON object body; null when it is too large or not a JSON object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// This host's local connector as the bot should call it: the address and port this request came in
    /// on (always loopback: the playground answers loopback callers only), never the Host header.
    /// </summary>
    public static string ServiceUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var local = context.Connection.LocalIpAddress ?? IPAddress.Loopback;
        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        var https = context.Request.IsHttps;

        // A development certificate is issued for "localhost", not for the address.
        var host = https ? "localhost"
            : local.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + IPAddress.IPv6Loopback + "]"
            : IPAddress.Loopback.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{(https ? "https" : "http")}://{host}:{context.Connection.LocalPort}{ConnectorPath}");
    }
}
