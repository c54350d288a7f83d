using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CommunityPlanning.Slack.Tests.Api;

public sealed class SlackApiClientTests
{
    private static readonly SlackWorkspace T1 = new("T1");

    [Fact]
    public async Task PostMessageAsync_RateLimited_WaitsAndRetries()
    {
        var handler = new ScriptedHandler(
            _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.Zero) } },
            _ => Ok("""{"ok":true,"ts":"1.2"}"""));
        var client = Client(handler);

        var ts = await client.PostMessageAsync(T1, "C1", new SlackMessage("hi", []));

        Assert.Equal("1.2", ts);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("https://slack.test/api/chat.postMessage", r.Uri));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer xoxb-1", r.Authorization));
        var body = JsonNode.Parse(handler.Requests[0].Body)!;
        Assert.Equal("C1", body["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostMessageAsync_RateLimitedThreeTimes_Throws()
    {
        var limited = (HttpRequestMessage _) => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.Zero) } };
        var client = Client(new ScriptedHandler(limited, limited, limited));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(T1, "C1", new SlackMessage("hi", [])));

        Assert.Equal("http_429", ex.Error);
    }

    [Fact]
    public async Task UpdateMessageAsync_NotOk_ThrowsWithTheErrorCode()
    {
        var client = Client(new ScriptedHandler(_ => Ok("""{"ok":false,"error":"message_not_found"}""")));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.UpdateMessageAsync(T1, "C1", "1.2", new SlackMessage("hi", [])));

        Assert.Equal(("chat.update", "message_not_found"), (ex.Method, ex.Error));
    }

    [Fact]
    public async Task GetUserAsync_SendsAForm()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"ok":true,"user":{"id":"U1","profile":{"display_name":"Alex"}}}"""));
        var client = Client(handler);

        var user = await client.GetUserAsync(T1, "U1");

        Assert.Equal("Alex", user!["profile"]!["display_name"]!.GetValue<string>());
        Assert.Equal("user=U1", handler.Requests.Single().Body);
    }

    [Fact]
    public async Task Calls_TwoWorkspaces_EachUsesItsOwnToken()
    {
        var handler = new ScriptedHandler(_ => Ok("""{"ok":true,"ts":"1.1"}"""), _ => Ok("""{"ok":true,"ts":"1.2"}"""));
        var client = Client(handler, new FakeTokens { ["T1"] = "xoxb-one", ["T2"] = "xoxb-two" });

        await client.PostMessageAsync(new SlackWorkspace("T2"), "C2", new SlackMessage("hi", []));
        await client.PostMessageAsync(T1, "C1", new SlackMessage("hi", []));

        Assert.Equal(["Bearer xoxb-two", "Bearer xoxb-one"], handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Calls_WorkspaceNotInstalled_ThrowsWithoutCallingSlack()
    {
        var handler = new ScriptedHandler();
        var client = Client(handler, new FakeTokens { ["T1"] = "xoxb-one" });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync(new SlackWorkspace("T9"), "C9", new SlackMessage("hi", [])));

        Assert.Equal(SlackApiException.NotInstalled, ex.Error);
        Assert.Empty(handler.Requests);
    }

    private static HttpResponseMessage Ok(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static SlackApiClient Client(HttpMessageHandler handler, FakeTokens? tokens = null)
    {
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-1", ApiBaseUrl = new Uri("https://slack.test/api"), MessageInterval = TimeSpan.Zero });
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(SlackApiClient.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        return new SlackApiClient(factory.Object, options, new ChannelPacer(options, TimeProvider.System), TimeProvider.System, NullLogger<SlackApiClient>.Instance, tokens ?? new FakeTokens { ["T1"] = "xoxb-1" });
    }

    private sealed class FakeTokens : Dictionary<string, string>, ISlackTokenSource
    {
        public ValueTask<SlackCredentials?> GetAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TryGetValue(workspace.TeamId, out var token) ? new SlackCredentials(token, null) : null);

        public void Forget(SlackWorkspace workspace)
        {
        }
    }

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
    {
        public List<(string Uri, string? Authorization, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return script[Requests.Count - 1](request);
        }
    }
}
