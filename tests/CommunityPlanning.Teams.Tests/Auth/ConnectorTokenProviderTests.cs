using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommunityPlanning.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class ConnectorTokenProviderTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeTokenServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTokenServer.StartAsync();
        var thumbprint = _server.Certificate.Thumbprint;
        var services = new ServiceCollection();
        services.AddHttpClient(BotAuthOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 c && c.Thumbprint == thumbprint },
            });
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task GetTokenAsync_TwoCalls_OneTokenRequest()
    {
        var provider = CreateProvider();

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.Equal("connector-token-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_ClientCredentials_RequestsBotFrameworkScopeFromBotFrameworkTenant()
    {
        await CreateProvider().GetTokenAsync();

        var (path, form) = Assert.Single(_server.Received);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", path);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", form["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenant_RequestsFromOwnTenant()
    {
        const string tenant = "12345678-1234-1234-1234-123456789012";

        await CreateProvider(o =>
        {
            o.MicrosoftAppType = BotAppType.SingleTenant;
            o.MicrosoftAppTenantId = tenant;
        }).GetTokenAsync();

        Assert.Equal($"/{tenant}/oauth2/v2.0/token", Assert.Single(_server.Received).Path);
    }

    [Fact]
    public async Task GetTokenAsync_NearExpiry_Refreshed()
    {
        var provider = CreateProvider();
        var first = await provider.GetTokenAsync();

        _clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await provider.GetTokenAsync();

        Assert.Equal(first, stillCached);
        Assert.Equal("connector-token-2", refreshed);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallersWhenEmpty_ShareOneRequest()
    {
        var provider = CreateProvider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => provider.GetTokenAsync().AsTask()));

        Assert.All(tokens, t => Assert.Equal("connector-token-1", t));
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_Certificate_SendsClientAssertion()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        try
        {
            var token = await CreateProvider(o =>
            {
                o.MicrosoftAppPassword = null;
                o.CertificatePath = path;
                o.CertificatePassword = "pw";
            }).GetTokenAsync();

            var form = Assert.Single(_server.Received).Form;
            Assert.Equal("connector-token-1", token);
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            Assert.False(form.ContainsKey("client_secret"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GetTokenAsync_NoAppId_NullWithoutRequest()
    {
        var token = await CreateProvider(o => o.MicrosoftAppId = null).GetTokenAsync();

        Assert.Null(token);
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_ShortLivedToken_RefreshedAtHalfLife()
    {
        var source = new CountingSource(_clock, TimeSpan.FromMinutes(4));
        var provider = new ConnectorTokenProvider(source, _clock, NullLogger<ConnectorTokenProvider>.Instance);

        await provider.GetTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await provider.GetTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        await provider.GetTokenAsync();

        Assert.Equal([false, true], source.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_SourceFails_ErrorSurfacesAndNextCallRetries()
    {
        var source = new CountingSource(_clock, TimeSpan.FromHours(1)) { FailNext = true };
        var provider = new ConnectorTokenProvider(source, _clock, NullLogger<ConnectorTokenProvider>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync().AsTask());
        var token = await provider.GetTokenAsync();

        Assert.Equal("token-2", token);
    }

    private ConnectorTokenProvider CreateProvider(Action<BotAuthOptions>? configure = null)
    {
        var options = new BotAuthOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppPassword = "s3cret",
            TokenAuthority = _server.Authority,
        };
        configure?.Invoke(options);
        return new ConnectorTokenProvider(
            Options.Create(options),
            _services.GetRequiredService<IHttpClientFactory>(),
            _clock,
            NullLogger<ConnectorTokenProvider>.Instance);
    }

    private sealed class CountingSource(TimeProvider clock, TimeSpan lifetime) : IConnectorTokenSource
    {
        public List<bool> Calls { get; } = [];

        public bool FailNext { get; set; }

        public Task<ConnectorAccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Calls.Add(forceRefresh);
            if (FailNext)
            {
                FailNext = false;
                return Task.FromException<ConnectorAccessToken>(new InvalidOperationException("token endpoint down"));
            }

            return Task.FromResult(new ConnectorAccessToken($"token-{Calls.Count}", clock.GetUtcNow() + lifetime));
        }
    }
}
