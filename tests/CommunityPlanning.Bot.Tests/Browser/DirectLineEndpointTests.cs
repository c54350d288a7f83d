using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Playground;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Http;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// The playground's Direct Line endpoint and local connector over HTTP, without a browser: what Web
/// Chat relies on (tokens, echoes, watermarks, cards updated in place) and what keeps it local.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class DirectLineEndpointTests
{
    [Fact]
    public async Task TokensGenerate_StartsTheDemoConversation_WithTheBotsWelcome()
    {
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();

        Assert.Equal(PlaygroundConversations.DemoConversationId, chat.ConversationId);
        var welcome = Assert.Single(await chat.ActivitiesAsync());
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Contains("Hello, I'm PlanBot", CardReading.AllText(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_EchoesItThenTheBotsReply_AfterTheWatermark()
    {
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        var response = await chat.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities");
        var watermark = (await response.Content.ReadFromJsonAsync<JsonObject>())!["watermark"]!.GetValue<string>();

        var id = await chat.PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = "help",
            ["from"] = DirectLineClient.From("sam"),
            ["channelData"] = new JsonObject { ["clientActivityID"] = "client-1" },
        });

        var after = await chat.ActivitiesAsync(int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, after.Count);
        Assert.Equal(id, after[0]["id"]!.GetValue<string>());
        Assert.Equal("client-1", after[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", after[0]["from"]!["role"]!.GetValue<string>());
        Assert.Contains("What I can do", CardReading.AllText(after[1]), StringComparison.Ordinal);
        Assert.NotEqual(id, after[1]["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CardSubmitWithReplyToId_UpdatesThatCardInPlace_KeepingItsIdAndTime()
    {
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        await chat.SayAsync("start");
        var (formId, form) = await chat.CardAsync("Start your plan");
        var original = (await chat.ActivitiesAsync()).Single(a => a["id"]!.GetValue<string>() == formId);

        var data = new JsonObject { ["cpVerb"] = "plan.create", ["cpData"] = CardReading.ActionData(form, "plan.create") };
        await chat.SubmitAsync(formId, data, new() { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" });

        var versions = (await chat.ActivitiesAsync()).Where(a => a["id"]!.GetValue<string>() == formId).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains("Little Wittering's plan has started", CardReading.AllText(versions[1]), StringComparison.Ordinal);
        Assert.Equal(original["timestamp"]!.GetValue<string>(), versions[1]["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_WithoutAValidToken_AreRefused()
    {
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        var path = $"/v3/directline/conversations/{chat.ConversationId}/activities";

        Assert.Equal(HttpStatusCode.Forbidden, (await chat.SendAsync(HttpMethod.Get, path, token: "made-up")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.SendAsync(HttpMethod.Get, "/v3/directline/conversations/another/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.SendAsync(HttpMethod.Post, "/playground/reset", token: "made-up")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/playground/connector/v3/conversations/playground-demo/activities")]
    public async Task Request_WithAHostHeaderThatIsNotLoopback_Returns403(string path)
    {
        using var host = new BotHost();
        using var request = new HttpRequestMessage(path == "/" ? HttpMethod.Get : HttpMethod.Post, path) { Content = JsonContent.Create(new JsonObject()) };
        request.Headers.Host = "rebound.example";

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.7", "localhost", false)]
    [InlineData("127.0.0.1", "localhost", true)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "localhost.example", false)]
    public void IsLoopback_ChecksCallerAndHost(string remote, string hostHeader, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Host = new HostString(hostHeader, 3978);

        Assert.Equal(expected, LoopbackOnly.IsLoopback(context));
    }

    [Fact]
    public async Task Reset_DeletesTheDemoGroupsRows_AndStartsAFreshConversation()
    {
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        await chat.SayAsync("start");
        var (formId, form) = await chat.CardAsync("Start your plan");
        var data = new JsonObject { ["cpVerb"] = "plan.create", ["cpData"] = CardReading.ActionData(form, "plan.create") };
        await chat.SubmitAsync(formId, data, new() { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" });
        var groupId = DemoGroupReset.GroupIdFor(chat.ConversationId);
        Assert.Equal(data["cpData"]!["g"]!.GetValue<string>(), groupId);
        Assert.NotEmpty(Rows(host, groupId));

        var reset = await chat.SendAsync(HttpMethod.Post, "/playground/reset");

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(Rows(host, groupId));
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities")).StatusCode);
        var fresh = await new DirectLineClient(host.Client).StartAsync();
        Assert.Contains("Hello, I'm PlanBot", CardReading.AllText(Assert.Single(await fresh.ActivitiesAsync())), StringComparison.Ordinal);
        await fresh.SayAsync("progress");
        Assert.Contains("hasn't started its plan", CardReading.AllText((await fresh.ActivitiesAsync())[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_WhenItHasNotBeenFetched_Returns404WithWhatToDo()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Playground:WebChatBundle"] = "/nonexistent/webchat.js" });

        var response = await host.Client.GetAsync(PlaygroundApi.BundleUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Run scripts/run.sh to fetch Web Chat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_IsServedWithAStrictContentSecurityPolicy()
    {
        using var host = new BotHost();

        var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains(PlaygroundApi.BundleUrl, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<TableEntity> Rows(BotHost host, string groupId) =>
        new TableClient(Azurite.ConnectionString, host.TablePrefix + "plans")
            .Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {groupId}"))
            .ToList();
}
