using System.Net;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Teams.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendAsync_Success_PostsWithBearerTokenAndReturnsId()
    {
        var id = await _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "19:planning@thread.tacv2;messageid=17", Message());

        var call = Assert.Single(_harness.Fake.All);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/19:planning@thread.tacv2;messageid=17/activities", call.Path);
        Assert.Equal("Bearer test-token", call.Authorization);
        Assert.Equal("sent-1", id);
    }

    [Fact]
    public async Task UpdateAsync_PutsToTheActivity()
    {
        await _harness.Client.UpdateAsync(_harness.Fake.ServiceUrl, "conv-1", "card-9", Message());

        var call = Assert.Single(_harness.Fake.All);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/v3/conversations/conv-1/activities/card-9", call.Path);
        Assert.Equal("card-9", (string?)call.Body["id"]);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsThatLongBeforeTryingAgain()
    {
        _harness.Fake.AnswerNext(429, "1");

        await _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message());

        var calls = _harness.Fake.All.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal("POST (answered 429)", calls[0].Method);
        Assert.Equal("POST", calls[1].Method);
        var gap = calls[1].At - calls[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"The retry came {gap.TotalMilliseconds} ms after the 429.");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task SendAsync_PassingFailure_IsRetried(int status)
    {
        _harness.Fake.AnswerNext(status);

        var id = await _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message());

        Assert.Equal(2, _harness.Fake.All.Count);
        Assert.NotNull(id);
    }

    [Fact]
    public async Task SendAsync_KeepsFailing_GivesUpAfterMaxAttempts()
    {
        for (var i = 0; i < ConnectorClient.MaxAttempts + 1; i++)
        {
            _harness.Fake.AnswerNext(502, "0");
        }

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message()));

        Assert.Equal(HttpStatusCode.BadGateway, ex.Status);
        Assert.Equal(ConnectorClient.MaxAttempts, _harness.Fake.All.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task SendAsync_ClientError_IsNotRetried(int status)
    {
        _harness.Fake.AnswerNext(status, body: "{\"error\":{\"code\":\"BadArgument\",\"message\":\"no\"}}");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message()));

        Assert.Equal((HttpStatusCode)status, ex.Status);
        Assert.Equal("BadArgument", ex.ErrorCode);
        Assert.Single(_harness.Fake.All);
    }

    [Fact]
    public async Task SendAsync_BotNotInConversationRoster_IsNotRetriedAndSaysSo()
    {
        _harness.Fake.AnswerNext(403, body: "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => _harness.Client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message()));

        Assert.True(ex.RecipientNotInstalled);
        Assert.Single(_harness.Fake.All);
    }

    [Fact]
    public async Task SendAsync_HostOutsideAllowlist_RefusedBeforeAnyTokenIsAsked()
    {
        await using var strict = await ConnectorHarness.StartAsync(allowLoopback: false);

        await Assert.ThrowsAsync<ConnectorException>(() => strict.Client.SendAsync(strict.Fake.ServiceUrl, "conv-1", Message()));
        await Assert.ThrowsAsync<ConnectorException>(() => strict.Client.SendAsync("https://evil.example.com/", "conv-1", Message()));
        await Assert.ThrowsAsync<ConnectorException>(() => strict.Client.CreateConversationAsync("https://smba.trafficmanager.net.evil.example/", new ConversationParameters()));

        Assert.Equal(0, strict.Tokens.Calls);
        Assert.Empty(strict.Fake.All);
    }

    [Fact]
    public async Task SendAsync_TokenUnavailable_ConnectorExceptionAndNothingSent()
    {
        var client = new ConnectorClient(
            new HttpClient(),
            new FailingTokenProvider(),
            new CommunityPlanning.Teams.Auth.ServiceUrlPolicy(allowLoopback: true),
            new ConversationThrottle(TimeProvider.System),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectorClient>.Instance);

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(_harness.Fake.ServiceUrl, "conv-1", Message()));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(_harness.Fake.All);
    }

    private static Activity Message() => new() { Type = "message", Text = "Hello" };
}

internal sealed class FailingTokenProvider : CommunityPlanning.Teams.Auth.IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("AADSTS7000215: Invalid client secret provided.");
}
