using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Testing.BotFramework;

/// <summary>
/// OpenID metadata + JWKS on loopback Kestrel, for the channel service and the Emulator (Entra) in one:
/// <c>/channel/...</c> and <c>/emulator/...</c>. Keys can be swapped to simulate rotation.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile TestSigningKey[] _channelKeys = [];
    private volatile TestSigningKey[] _emulatorKeys = [];
    private int _channelKeyFetches;
    private int _channelMetadataFetches;

    private OpenIdTestServer(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    public string ChannelMetadataUrl => $"{BaseAddress}/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => $"{BaseAddress}/emulator/.well-known/openid-configuration";

    public int ChannelKeyFetches => Volatile.Read(ref _channelKeyFetches);

    public int ChannelMetadataFetches => Volatile.Read(ref _channelMetadataFetches);

    public void SetChannelKeys(params TestSigningKey[] keys) => _channelKeys = keys;

    public void SetEmulatorKeys(params TestSigningKey[] keys) => _emulatorKeys = keys;

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenIdTestServer(app);

        app.MapGet("/channel/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref server._channelMetadataFetches);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = $"{server.BaseAddress}/channel/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/channel/keys", () =>
        {
            Interlocked.Increment(ref server._channelKeyFetches);
            return Results.Json(new { keys = server._channelKeys.Select(k => k.ToJwk()).ToArray() });
        });
        app.MapGet("/emulator/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = $"{server.BaseAddress}/emulator/keys",
        }));
        app.MapGet("/emulator/keys", () => Results.Json(new { keys = server._emulatorKeys.Select(k => k.ToJwk()).ToArray() }));

        await app.StartAsync();
        server.BaseAddress = app.Urls.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
