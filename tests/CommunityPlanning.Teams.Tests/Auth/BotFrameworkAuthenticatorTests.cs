using CommunityPlanning.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime, IDisposable
{
    private readonly TestSigningKey _channelKey = new("channel-key-1", "msteams", "webchat");
    private readonly TestSigningKey _emulatorKey = new("emulator-key-1", endorsements: null);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private OpenIdTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync();
        _server.SetChannelKeys(_channelKey);
        _server.SetEmulatorKeys(_emulatorKey);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _channelKey.Dispose();
        _emulatorKey.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_Succeeds()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey));

        Assert.True(result.Succeeded, result.Failure.ToString());
        Assert.Equal(TestTokens.AppId, result.AppId);
        Assert.Equal(InboundTokenSource.Channel, result.Source);
        Assert.Equal(TestTokens.ChannelIssuer, result.Identity!.FindFirst("iss")!.Value);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey), serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        Assert.True(result.Succeeded, result.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_SecondRequest_UsesCachedKeys()
    {
        var authenticator = CreateAuthenticator();
        await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(_channelKey), TestTokens.ServiceUrl, "msteams");
        await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(_channelKey), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(1, _server.ChannelMetadataFetches);
        Assert.Equal(1, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey, issuer: "https://api.botframework.com.evil.example"));

        Assert.Equal(InboundAuthFailure.InvalidIssuer, result.Failure);
        Assert.Equal(0, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey, audience: "11111111-2222-3333-4444-555555555555"));

        Assert.Equal(InboundAuthFailure.InvalidAudience, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Expired_Refused()
    {
        var now = DateTime.UtcNow;
        var result = await Authenticate(TestTokens.Channel(_channelKey, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)));

        Assert.Equal(InboundAuthFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondSkew_Refused()
    {
        var now = DateTime.UtcNow;
        var result = await Authenticate(TestTokens.Channel(_channelKey, notBefore: now.AddMinutes(6), expires: now.AddHours(1)));

        Assert.Equal(InboundAuthFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinSkew_Succeeds()
    {
        var now = DateTime.UtcNow;
        var result = await Authenticate(TestTokens.Channel(_channelKey, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)));

        Assert.True(result.Succeeded, result.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithinSkew_Succeeds()
    {
        var now = DateTime.UtcNow;
        var result = await Authenticate(TestTokens.Channel(_channelKey, notBefore: now.AddMinutes(3), expires: now.AddHours(1)));

        Assert.True(result.Succeeded, result.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByAnotherKeyWithSameKid_Refused()
    {
        using var impostor = new TestSigningKey(_channelKey.KeyId, "msteams");

        var result = await Authenticate(TestTokens.Channel(impostor));

        Assert.Equal(InboundAuthFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyId_RefreshesOnceThenRefused()
    {
        using var stranger = new TestSigningKey("not-published", "msteams");

        var result = await Authenticate(TestTokens.Channel(stranger));

        Assert.Equal(InboundAuthFailure.UnknownSigningKey, result.Failure);
        Assert.Equal(2, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_FloodOfUnknownKeyIds_FetchesKeysAtMostOncePerInterval()
    {
        var authenticator = CreateAuthenticator();
        using var stranger = new TestSigningKey("made-up", "msteams");
        for (var i = 0; i < 20; i++)
        {
            var result = await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(stranger.WithKeyId($"made-up-{i}")), TestTokens.ServiceUrl, "msteams");
            Assert.Equal(InboundAuthFailure.UnknownSigningKey, result.Failure);
        }

        Assert.Equal(2, _server.ChannelKeyFetches);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(stranger.WithKeyId("made-up-late")), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(3, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_ConcurrentUnknownKeyIds_ShareOneKeyFetch()
    {
        var authenticator = CreateAuthenticator();
        using var stranger = new TestSigningKey("made-up", "msteams");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(stranger.WithKeyId($"made-up-{i}")), TestTokens.ServiceUrl, "msteams")));

        Assert.All(results, r => Assert.Equal(InboundAuthFailure.UnknownSigningKey, r.Failure));
        Assert.Equal(2, _server.ChannelMetadataFetches);
        Assert.Equal(2, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotatedToNewKid_NewKeyAccepted()
    {
        var authenticator = CreateAuthenticator();
        var before = await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(_channelKey), TestTokens.ServiceUrl, "msteams");
        using var rotated = new TestSigningKey("channel-key-2", "msteams", "webchat");
        _server.SetChannelKeys(rotated);

        var after = await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(rotated), TestTokens.ServiceUrl, "msteams");

        Assert.True(before.Succeeded, before.Failure.ToString());
        Assert.True(after.Succeeded, after.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlMismatch_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey), serviceUrl: "https://smba.trafficmanager.net/amer/");

        Assert.Equal(InboundAuthFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ActivityWithoutServiceUrl_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey), serviceUrl: null);

        Assert.Equal(InboundAuthFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingServiceUrlClaim_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey, serviceUrl: null));

        Assert.Equal(InboundAuthFailure.MissingServiceUrl, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelNotEndorsed_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey), channelId: "slack");

        Assert.Equal(InboundAuthFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_NoChannelIdWithEndorsedKey_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_channelKey), channelId: null);

        Assert.Equal(InboundAuthFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelKeyWithoutEndorsements_Refused()
    {
        // A channel key that names no channels endorses none: the check fails closed, not open.
        using var bare = new TestSigningKey("channel-key-bare", endorsements: null);
        _server.SetChannelKeys(_channelKey, bare);

        var result = await Authenticate(TestTokens.Channel(bare));

        Assert.Equal(InboundAuthFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_NoHeader_Refused()
    {
        var result = await CreateAuthenticator().AuthenticateAsync(null, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(InboundAuthFailure.MissingHeader, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_BasicScheme_Refused()
    {
        var result = await CreateAuthenticator().AuthenticateAsync("Basic xyz", TestTokens.ServiceUrl, "msteams");

        Assert.Equal(InboundAuthFailure.NotBearer, result.Failure);
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9")]
    public async Task AuthenticateAsync_BearerGarbage_Refused(string header)
    {
        var result = await CreateAuthenticator().AuthenticateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.False(result.Succeeded);
        Assert.Equal(InboundAuthFailure.MalformedToken, result.Failure);
        Assert.Equal(0, _server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Refused()
    {
        var result = await Authenticate(TestTokens.Unsigned());

        Assert.Equal(InboundAuthFailure.InvalidAlgorithm, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdConfigured_RefusedAsNotConfigured()
    {
        var authenticator = CreateAuthenticator(o => o.MicrosoftAppId = null);

        var result = await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(_channelKey), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(InboundAuthFailure.NotConfigured, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerDown_RefusedAsUnavailable()
    {
        var authenticator = CreateAuthenticator(o => o.OpenIdMetadataUrl = _server.BaseAddress + "/missing");

        var result = await authenticator.AuthenticateAsync("Bearer " + TestTokens.Channel(_channelKey), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(InboundAuthFailure.MetadataUnavailable, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorV1Token_Succeeds()
    {
        var result = await Authenticate(TestTokens.EmulatorV1(_emulatorKey), channelId: "emulator", serviceUrl: "http://localhost:5000");

        Assert.True(result.Succeeded, result.Failure.ToString());
        Assert.Equal(InboundTokenSource.Emulator, result.Source);
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorV2Token_Succeeds()
    {
        var result = await Authenticate(TestTokens.EmulatorV2(_emulatorKey), channelId: "emulator", serviceUrl: "http://localhost:5000");

        Assert.True(result.Succeeded, result.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenForAnotherApp_Refused()
    {
        var result = await Authenticate(TestTokens.EmulatorV2(_emulatorKey, appId: "99999999-2222-3333-4444-555555555555"), channelId: "emulator");

        Assert.Equal(InboundAuthFailure.AppIdMismatch, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenFromUnknownTenant_Refused()
    {
        var result = await Authenticate(TestTokens.EmulatorV1(_emulatorKey, tenant: "12345678-1234-1234-1234-123456789012"), channelId: "emulator");

        Assert.Equal(InboundAuthFailure.InvalidIssuer, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_SingleTenantOwnTenantToken_Succeeds()
    {
        const string tenant = "12345678-1234-1234-1234-123456789012";
        var authenticator = CreateAuthenticator(o =>
        {
            o.MicrosoftAppType = BotAppType.SingleTenant;
            o.MicrosoftAppTenantId = tenant;
        });

        var result = await authenticator.AuthenticateAsync("Bearer " + TestTokens.EmulatorV2(_emulatorKey, tenant: tenant), null, "emulator");

        Assert.True(result.Succeeded, result.Failure.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelTokenSignedByEmulatorKey_Refused()
    {
        var result = await Authenticate(TestTokens.Channel(_emulatorKey));

        Assert.Equal(InboundAuthFailure.UnknownSigningKey, result.Failure);
    }

    private Task<InboundAuthResult> Authenticate(string token, string? serviceUrl = TestTokens.ServiceUrl, string? channelId = "msteams") =>
        CreateAuthenticator().AuthenticateAsync("Bearer " + token, serviceUrl, channelId);

    private BotFrameworkAuthenticator CreateAuthenticator(Action<BotAuthOptions>? configure = null)
    {
        var options = new BotAuthOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppPassword = "secret",
            OpenIdMetadataUrl = _server.ChannelMetadataUrl,
            EmulatorOpenIdMetadataUrl = _server.EmulatorMetadataUrl,
        };
        configure?.Invoke(options);
        return new BotFrameworkAuthenticator(
            Options.Create(options),
            _services.GetRequiredService<IHttpClientFactory>(),
            _clock,
            NullLogger<BotFrameworkAuthenticator>.Instance);
    }
}
