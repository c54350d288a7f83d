using System.Net;
using System.Text;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.Teams;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>
/// Without MicrosoftAppId (Development) /api/messages checks no token, so it answers only plainly local JSON:
/// a tunnel or proxy on this machine (which connects from loopback) is refused, and nothing is stored.
/// </summary>
public sealed class UnauthenticatedMessagesTests : IAsyncLifetime, IDisposable
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;
    private Activities _activities = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _activities = new Activities(_connector.ServiceUrl);
        _host = new BotHost();
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _host?.Dispose();

    public static TheoryData<string, string> ProxyHeaders() => new()
    {
        { "X-Forwarded-For", "203.0.113.7" },
        { "X-Forwarded-Host", "a1b2c3.example-tunnel.app" },
        { "X-Forwarded-Proto", "https" },
        { "Forwarded", "for=203.0.113.7;proto=https" },
        { "X-Original-For", "203.0.113.7" },
    };

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public async Task PostMessage_ThroughAProxy_403AndNothingStored(string header, string value)
    {
        var response = await SendAsync(r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNothingHappened();
    }

    [Theory]
    [InlineData("a1b2c3.example-tunnel.app")]
    [InlineData("planbot.example.org:3978")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task PostMessage_HostHeaderNotLoopback_403AndNothingStored(string host)
    {
        var response = await SendAsync(r => r.Headers.Host = host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNothingHappened();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task PostMessage_NotJson_415AndNothingStored(string? contentType)
    {
        var response = await SendAsync(contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        AssertNothingHappened();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PostMessage_LocalJson_Answered(string host)
    {
        var response = await SendAsync(r => r.Headers.Host = host, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hasn't started its plan", (await _connector.NextAsync()).AllText(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(Action<HttpRequestMessage>? tweak = null, string? contentType = "application/json")
    {
        var body = Encoding.UTF8.GetBytes(_activities.Message("progress").ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        tweak?.Invoke(request);
        return await _host.Client.SendAsync(request);
    }

    private void AssertNothingHappened()
    {
        var rows = new TableClient(Azurite.ConnectionString, _host.TablePrefix + "plans");
        try
        {
            Assert.Empty(rows.Query<TableEntity>().ToList());
        }
        catch (Azure.RequestFailedException)
        {
            // No table: nothing was ever written.
        }

        Assert.Empty(_connector.All);
    }
}

/// <summary>With MicrosoftAppId set, App Service's proxy headers are normal: the token is what counts.</summary>
public sealed class AuthenticatedMessagesBehindAProxyTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    [Fact]
    public async Task PostMessage_SignedWithForwardedHeaders_Answered()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = System.Net.Http.Json.JsonContent.Create(activities.MessageToBot("progress")) };
        request.Headers.TryAddWithoutValidation("Authorization", fixture.Environment.Bearer());
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.Host = "planbot.azurewebsites.net";

        var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
