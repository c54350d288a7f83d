using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Tests.Rendering;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Linking a chat action to the action plan from Slack, through Kestrel, the pipeline and Azurite.</summary>
public sealed class SlackActionPlanTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PlanVerbs_OnAChatAction_ShowOnItsCardWithValidBlocks()
    {
        await _host.StartPlanAsync("C300");
        await _host.PostEventAsync(Payloads.Mention("C300", "action: mend the bench at the pond", "Ev301"));
        await Posted("Action 1: mend the bench at the pond");

        await _host.PostEventAsync(Payloads.Mention("C300", "action 1 priority high", "Ev302"));
        await Posted("Action 1's priority in the plan is now high");
        await _host.PostEventAsync(Payloads.Mention("C300", "action 1 cost 250", "Ev303"));
        await Posted("Action 1's cost in the plan is now £250");
        await _host.PostEventAsync(Payloads.Mention("C300", "action 1 priority urgent", "Ev304"));
        await Posted("You can pick: high, medium, low");

        await _host.PostEventAsync(Payloads.Mention("C300", "action 1", "Ev305"));
        var card = await _host.Slack.WaitForAsync("chat.postMessage", c => SlackScript.ChannelOf(c) == "C300"
            && c.Body["blocks"] is JsonArray blocks && Json(blocks).Contains("Action 1: mend the bench", StringComparison.Ordinal) && Json(blocks).Contains("Priority", StringComparison.Ordinal));
        BlockKitAssert.ValidMessage(card.Body["blocks"]!.AsArray());
        Assert.Contains("£250", Json(card.Body["blocks"]!), StringComparison.Ordinal);
        Assert.Contains("High", Json(card.Body["blocks"]!), StringComparison.Ordinal);
    }

    // As people read it: no \u escapes for apostrophes or the pound sign.
    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private Task<RecordedCall> Posted(string text) =>
        _host.Slack.WaitForAsync("chat.postMessage", c => SlackScript.ChannelOf(c) == "C300" && Json(c.Body).Contains(text, StringComparison.Ordinal));
}
