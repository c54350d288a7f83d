using BenchmarkDotNet.Attributes;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Testing.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Bench;

/// <summary>
/// Checking one inbound Bot Framework token once the signing keys are cached: what every request to
/// /api/messages pays before any of our own logic runs. The keys come from a loopback OpenID server,
/// fetched once in the set-up; no request in the measured loop touches the network.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private OpenIdTestServer _server = null!;
    private TestSigningKey _channelKey = null!;
    private TestSigningKey _emulatorKey = null!;
    private ServiceProvider _services = null!;
    private BotFrameworkAuthenticator _authenticator = null!;
    private string _channelHeader = null!;
    private string _emulatorHeader = null!;
    private string _forgedHeader = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _channelKey = new TestSigningKey("bench-channel", "msteams");
        _emulatorKey = new TestSigningKey("bench-emulator", endorsements: null);
        _server = await OpenIdTestServer.StartAsync();
        _server.SetChannelKeys(_channelKey);
        _server.SetEmulatorKeys(_emulatorKey);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new BotAuthOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppPassword = "unused",
            OpenIdMetadataUrl = _server.ChannelMetadataUrl,
            EmulatorOpenIdMetadataUrl = _server.EmulatorMetadataUrl,
        });
        _authenticator = new BotFrameworkAuthenticator(options, _services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, NullLogger<BotFrameworkAuthenticator>.Instance);
        _channelHeader = "Bearer " + TestTokens.Channel(_channelKey);
        _emulatorHeader = "Bearer " + TestTokens.EmulatorV2(_emulatorKey);
        using (var impostor = new TestSigningKey(_channelKey.KeyId, "msteams"))
        {
            _forgedHeader = "Bearer " + TestTokens.Channel(impostor);
        }

        // Fetch and cache both key sets before measuring.
        Check(await _authenticator.AuthenticateAsync(_channelHeader, TestTokens.ServiceUrl, "msteams"));
        Check(await _authenticator.AuthenticateAsync(_emulatorHeader, TestTokens.ServiceUrl, "emulator"));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        _channelKey.Dispose();
        _emulatorKey.Dispose();
    }

    /// <summary>A Teams channel token (RS256, 2048-bit key): parse, signature, claims, endorsements, serviceurl.</summary>
    [Benchmark(Baseline = true)]
    public Task<InboundAuthResult> ChannelToken() => _authenticator.AuthenticateAsync(_channelHeader, TestTokens.ServiceUrl, "msteams");

    /// <summary>An Entra v2 token as the Emulator sends.</summary>
    [Benchmark]
    public Task<InboundAuthResult> EmulatorToken() => _authenticator.AuthenticateAsync(_emulatorHeader, TestTokens.ServiceUrl, "emulator");

    /// <summary>A forged token (a published key id, another key's signature): refused after the signature check.</summary>
    [Benchmark]
    public Task<InboundAuthResult> ForgedToken() => _authenticator.AuthenticateAsync(_forgedHeader, TestTokens.ServiceUrl, "msteams");

    private static void Check(InboundAuthResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The benchmark token was refused: {result.Failure}.");
        }
    }
}
