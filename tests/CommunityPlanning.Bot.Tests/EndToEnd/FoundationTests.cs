using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>One real turn end to end: Kestrel host, Azurite, and a fake Connector on loopback.</summary>
public sealed class FoundationTests : ConnectorTest
{
    [Fact]
    public async Task Help_IsAnsweredAtTheServiceUrl()
    {
        using var host = new BotHost();
        var response = await host.PostActivityAsync(Activities.Message("help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = await Connector.NextAsync();
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/conv-1/activities", call.Path);
        Assert.Contains("What I can do", call.AllText(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", call.Body["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_SubmitForm_CreatesPlanThatSurvivesARestart()
    {
        string prefix;
        using (var host = new BotHost())
        {
            prefix = host.TablePrefix;
            await host.PostActivityAsync(Activities.Message("start"));
            var form = await Connector.NextAsync();
            Assert.Contains("Start your plan", form.AllText(), StringComparison.Ordinal);
            var data = CardReading.ActionData(form.Card(), "plan.create");
            Assert.NotNull(data);

            var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
            var submit = await host.PostActivityAsync(Activities.Submit("plan.create", data, inputs, replyToId: "sent-1"));
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            var confirmation = await Connector.NextAsync();
            Assert.Equal("PUT", confirmation.Method);
            Assert.Contains("Little Wittering's plan has started", confirmation.AllText(), StringComparison.Ordinal);
        }

        using var restarted = new BotHost(prefix);
        await restarted.PostActivityAsync(Activities.Message("progress"));
        var progress = await Connector.NextAsync();
        Assert.Contains("Little Wittering: progress", progress.AllText(), StringComparison.Ordinal);
        Assert.Contains("Getting started", progress.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameActivityTwice_IsAnsweredOnce()
    {
        using var host = new BotHost();
        var activity = Activities.Message("help", id: "redelivered-1");
        await host.PostActivityAsync(activity);
        await Connector.NextAsync();

        var again = await host.PostActivityAsync((JsonObject)activity.DeepClone());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // A later, different activity is answered; the redelivery in between was not.
        await host.PostActivityAsync(Activities.Message("progress"));
        var next = await Connector.NextAsync();
        Assert.Contains("hasn't started its plan", next.AllText(), StringComparison.Ordinal);
        Assert.Equal(2, Connector.All.Count);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"from\":{\"id\":\"u\"}}")]
    public async Task MalformedActivity_Returns400AndWritesNothing(string body)
    {
        using var host = new BotHost();
        var response = await host.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Rows(host));
    }

    [Fact]
    public async Task UnknownActivityType_Returns200AndDoesNothing()
    {
        using var host = new BotHost();
        var activity = Activities.Base("messageReaction", null, "u-sam", "Sam", null);
        var response = await host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Rows(host));
        Assert.Empty(Connector.All);
    }

    [Fact]
    public async Task BodyOver256Kilobytes_Returns413()
    {
        using var host = new BotHost();
        var activity = Activities.Message(new string('a', 300 * 1024));
        var response = await host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Rows(host));
    }

    [Fact]
    public async Task InvalidFormValues_GetFriendlyErrorsAndNothingIsCreated()
    {
        using var host = new BotHost();
        await host.PostActivityAsync(Activities.Message("start"));
        var form = await Connector.NextAsync();
        var data = CardReading.ActionData(form.Card(), "plan.create")!;

        var inputs = new JsonObject { ["communityName"] = new string('x', 81), ["planType"] = "NotAPlanType" };
        var response = await host.PostActivityAsync(Activities.Invoke("plan.create", data, inputs));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var text = CardReading.AllText(body["value"]);
        Assert.Contains("takes up to 80", text, StringComparison.Ordinal);
        Assert.Contains("isn't one of the choices", text, StringComparison.Ordinal);

        await host.PostActivityAsync(Activities.Message("progress"));
        Assert.Contains("hasn't started its plan", (await NextMessageAsync()).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardFromAnotherGroup_IsRefusedAndChangesNothing()
    {
        using var host = new BotHost();
        var other = new Activities(Connector.ServiceUrl, conversationId: "conv-other");
        await host.PostActivityAsync(other.Message("start"));
        var foreignData = CardReading.ActionData((await Connector.NextAsync()).Card(), "plan.create")!;

        var inputs = new JsonObject { ["communityName"] = "Elsewhere", ["planType"] = "CommunityLedPlan" };
        var response = await host.PostActivityAsync(Activities.Invoke("plan.create", foreignData, inputs));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("belongs to a different group", CardReading.AllText(body), StringComparison.Ordinal);

        await host.PostActivityAsync(Activities.Message("progress"));
        Assert.Contains("hasn't started its plan", (await NextMessageAsync()).AllText(), StringComparison.Ordinal);
    }

    private async Task<ConnectorCall> NextMessageAsync()
    {
        while (true)
        {
            var call = await Connector.NextAsync();
            if (call.Method == "POST")
            {
                return call;
            }
        }
    }

    private static List<TableEntity> Rows(BotHost host)
    {
        var table = new TableClient(Azurite.ConnectionString, host.TablePrefix + "plans");
        try
        {
            return table.Query<TableEntity>().ToList();
        }
        catch (Azure.RequestFailedException)
        {
            return [];
        }
    }
}
