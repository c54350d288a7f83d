using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Slack.Outbound;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Tests.Rendering;
using Microsoft.AspNetCore.Http;
using static CommunityPlanning.Slack.Tests.EndToEnd.SlackScript;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// The "Make an action" message shortcut end to end: signed <c>message_action</c> and <c>view_submission</c>
/// payloads through Kestrel, the pipeline and Azurite, answered on the fake Slack Web API.
/// </summary>
public sealed class SlackMessageShortcutTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    private string Hook => new Uri(Slack.BaseUrl, "response.hook").ToString();

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Shortcut_MessageWithMentionLinkAndDate_ModalPrefilledWithoutMarkup()
    {
        await GroupWithSamAsync("C700");
        var text = "*Urgent*: can <@U2> ring the <https://hall.example.org|village hall> &amp; <#C9|events> about the _fete_ by 31/12/2099?";

        var shortcut = Payloads.MessageShortcut("C700", text, Hook);

        var response = await _host.PostInteractionAsync(shortcut);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await ViewOpenedForAsync(shortcut);
        BlockKitAssert.ValidModal(view);
        var title = InitialValue(view, ActionVerbs.TitleKey)!;
        Assert.Contains("ring the village hall & #events about the fete", title, StringComparison.Ordinal);
        Assert.DoesNotContain("*", title, StringComparison.Ordinal);
        Assert.DoesNotContain("<", title, StringComparison.Ordinal);
        Assert.DoesNotContain("31/12", title, StringComparison.Ordinal);
        Assert.Equal("U2", InitialValue(view, ActionVerbs.OwnerKey));
        Assert.Equal("2099-12-31", InitialValue(view, ActionVerbs.DueKey));
        Assert.Equal("1", InitialValue(view, ActionVerbs.StepKey));
        var metadata = ModalMetadata.TryDecode(view["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(ActionVerbs.MessageMake, metadata.Verb);
        Assert.Equal(Payloads.ShortcutMessageTs, metadata.ThreadTs);
        Assert.Equal("Alex Smith", metadata.Data[ActionVerbs.ByKey]);
        Assert.Equal("https://parish.slack.com/archives/C700/p1700000100000200", metadata.Data[ActionVerbs.LinkKey]);
    }

    [Fact]
    public async Task Submit_Twice_OneActionPostedInTheThreadQuotingTheMessage()
    {
        await GroupWithSamAsync("C710");
        var view = await OpenAsync("C710", "Can <@U2> order the leaflets by 31/12/2099?");
        var values = Values(view, step: "3");

        var first = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values.DeepClone().AsObject()));
        var posted = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == "C710" && c.Body.ToJsonString().Contains("New action", StringComparison.Ordinal));
        var second = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values));
        var again = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == "C710" && c.Body.ToJsonString().Contains("already made", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(string.Empty, await first.Content.ReadAsStringAsync());
        Assert.Equal(Payloads.ShortcutMessageTs, posted.Body["thread_ts"]!.GetValue<string>());
        var blocks = posted.Body["blocks"]!.AsArray();
        BlockKitAssert.ValidMessage(blocks);
        var json = blocks.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("From a message by Alex Smith: \u201CCan Sam Jones order the leaflets by 31/12/2099\u201D", json, StringComparison.Ordinal);
        Assert.Contains("https://parish.slack.com/archives/C710/p1700000100000200", json, StringComparison.Ordinal);
        Assert.Contains("3: ", json, StringComparison.Ordinal);
        Assert.Equal("U1", again.Body["user"]!.GetValue<string>());
        var action = Assert.Single(await ActionsAsync("C710"));
        Assert.Contains("\"step\":3", action, StringComparison.Ordinal);
        Assert.Contains("\"owner\":{\"id\":\"U2\"", action, StringComparison.Ordinal);
        Assert.Contains("2099-12-31", action, StringComparison.Ordinal);
        Assert.Contains("\"fromMessageBy\":\"Alex Smith\"", action, StringComparison.Ordinal);
        Assert.Single(Slack.Calls("chat.postMessage"), c => ChannelOf(c) == "C710" && c.Body.ToJsonString().Contains("New action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_EmptyTitleAndPastDate_ErrorsBesideTheFieldsAndNothingMade()
    {
        await GroupWithSamAsync("C720");
        var view = await OpenAsync("C720", "Order the leaflets");
        var values = Values(view, title: "   ", due: "2000-01-01");

        var response = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.Equal("Please say what needs doing.", body["errors"]![ActionVerbs.TitleKey]!.GetValue<string>());
        Assert.Contains("has passed", body["errors"]![ActionVerbs.DueKey]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await ActionsAsync("C720"));
    }

    [Fact]
    public async Task Shortcut_MessageWithOnlyAFile_FormSaysThereIsNoText()
    {
        await GroupWithSamAsync("C730");

        var shortcut = Payloads.MessageShortcut("C730", string.Empty, Hook, message: m =>
        {
            m["subtype"] = "file_share";
            m["files"] = new JsonArray(new JsonObject { ["id"] = "F1", ["name"] = "poster.png", ["mimetype"] = "image/png" });
        });

        await _host.PostInteractionAsync(shortcut);

        var view = await ViewOpenedForAsync(shortcut);
        Assert.Null(InitialValue(view, ActionVerbs.TitleKey));
        Assert.Contains(MessageActionCommand.NoText, view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortcut_TenThousandCharacterMessage_TitleCutToTheLimit()
    {
        await GroupWithSamAsync("C740");

        var shortcut = Payloads.MessageShortcut("C740", "Book the hall " + new string('a', 10_000), Hook);

        await _host.PostInteractionAsync(shortcut);

        var view = await ViewOpenedForAsync(shortcut);
        BlockKitAssert.ValidModal(view);
        var title = InitialValue(view, ActionVerbs.TitleKey)!;
        Assert.InRange(title.Length, 100, ActionItemMaxTitle);
        Assert.StartsWith("Book the hall", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortcut_ChannelWithoutAPlanOrTheBot_ToldThroughResponseUrlWithAStartButton()
    {
        Slack.Override = (method, _) => method == "chat.postEphemeral" ? TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "not_in_channel" }) : null;

        var response = await _host.PostInteractionAsync(Payloads.MessageShortcut("C750", "Order the leaflets", Hook));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hook = await Slack.WaitForAsync("response.hook");
        Assert.Equal("ephemeral", hook.Body["response_type"]!.GetValue<string>());
        Assert.Null(hook.Authorization);
        var json = hook.Body["blocks"]!.ToJsonString();
        Assert.Contains("/invite @PlanBot", json, StringComparison.Ordinal);
        Assert.Contains("Start our plan", json, StringComparison.Ordinal);
        Assert.Contains(StartPlan.ShowFormVerb, ActionValue.TryDecode(Buttons(hook).Single()["value"]!.GetValue<string>())!.Verb, StringComparison.Ordinal);
        Assert.Empty(Slack.Calls("views.open"));
    }

    [Fact]
    public async Task Shortcut_InADirectMessage_ExplainsActionsBelongToAGroup()
    {
        await _host.PostInteractionAsync(Payloads.MessageShortcut("D760", "Order the leaflets", Hook));

        var told = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == "D760");
        Assert.Contains("Actions belong to a group", told.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Slack.Calls("views.open"));
    }

    [Fact]
    public async Task Shortcut_ExpiredTrigger_ClearPrivateMessageThroughResponseUrl()
    {
        await GroupWithSamAsync("C770");
        Slack.Override = (method, _) => method == "views.open" ? TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "expired_trigger_id" }) : null;

        await _host.PostInteractionAsync(Payloads.MessageShortcut("C770", "Order the leaflets", Hook));

        var hook = await Slack.WaitForAsync("response.hook");
        Assert.Equal("ephemeral", hook.Body["response_type"]!.GetValue<string>());
        Assert.Equal(SlackReplyRenderer.ShortcutExpiredText, hook.Body["text"]!.GetValue<string>());
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => ChannelOf(c) == "C770" && c.Body["thread_ts"] is not null);
        Assert.DoesNotContain(Slack.Calls("chat.postEphemeral"), c => ChannelOf(c) == "C770");
    }

    [Fact]
    public async Task Submit_BotNotInTheChannel_ActionPostedThroughResponseUrl()
    {
        await GroupWithSamAsync("C780");
        var view = await OpenAsync("C780", "Order the leaflets");
        Slack.Override = (method, body) => method == "chat.postMessage" && ChannelOf(new RecordedCall(method, body, null, [])) == "C780"
            ? TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "not_in_channel" })
            : null;

        await _host.PostInteractionAsync(Payloads.ViewSubmission(view, Values(view)));

        var hook = await Slack.WaitForAsync("response.hook");
        Assert.Contains("New action", hook.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await ActionsAsync("C780"));
    }

    [Fact]
    public async Task Submit_FromAnotherWorkspace_RefusedAndNothingMade()
    {
        await GroupWithSamAsync("C790");
        var view = await OpenAsync("C790", "Order the leaflets");
        var forged = Payloads.ViewSubmission(view, Values(view));
        forged["team"]!["id"] = "T2";
        forged["user"]!["team_id"] = "T2";

        var response = await _host.PostInteractionAsync(forged);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == "C790" && c.Body["text"]?.GetValue<string>() == Messages.ForeignCard);
        Assert.Equal("U1", refused.Body["user"]!.GetValue<string>());
        Assert.Empty(await ActionsAsync("C790"));
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => c.Body.ToJsonString().Contains("New action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shortcut_FromAnotherWorkspace_ActsOnThatWorkspacesGroupNotThisOne()
    {
        await GroupWithSamAsync("C795");

        var shortcut = Payloads.MessageShortcut("C795", "Order the leaflets", Hook, user: "U9", team: "T2");

        await _host.PostInteractionAsync(shortcut);

        var told = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == "C795" && c.Body["user"]?.GetValue<string>() == "U9");
        Assert.Contains("no plan yet", told.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls("views.open"), c => c.Body["trigger_id"]!.GetValue<string>() == shortcut["trigger_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_AfterAShortcut_ListSaysFromAMessageWithALink()
    {
        await GroupWithSamAsync("C799");
        var view = await OpenAsync("C799", "Order the leaflets");
        await _host.PostInteractionAsync(Payloads.ViewSubmission(view, Values(view)));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == "C799" && c.Body.ToJsonString().Contains("New action", StringComparison.Ordinal));

        await _host.PostEventAsync(Payloads.Mention("C799", "actions", "Ev7990"));

        var list = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == "C799" && c.Body.ToJsonString().Contains("Open actions", StringComparison.Ordinal));
        BlockKitAssert.ValidMessage(list.Body["blocks"]!.AsArray());
        Assert.Contains("<https://parish.slack.com/archives/C799/p1700000100000200|from a message by Alex Smith>", list.Body["blocks"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    private const int ActionItemMaxTitle = Domain.Actions.ActionItem.MaxTitleLength;

    private async Task GroupWithSamAsync(string channel)
    {
        await _host.StartPlanAsync(channel);
        await _host.PostEventAsync(Payloads.Mention(channel, "progress", "Ev" + channel, user: "U2"));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains(": progress", StringComparison.Ordinal));
    }

    private async Task<JsonObject> OpenAsync(string channel, string text)
    {
        var shortcut = Payloads.MessageShortcut(channel, text, Hook);
        await _host.PostInteractionAsync(shortcut);
        return await ViewOpenedForAsync(shortcut);
    }

    private async Task<JsonObject> ViewOpenedForAsync(JsonObject shortcut)
    {
        var trigger = shortcut["trigger_id"]!.GetValue<string>();
        return (await Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == trigger)).Body["view"]!.AsObject();
    }

    // What Slack sends in view.state.values: the inputs as the modal shows them, changed where asked.
    private static JsonObject Values(JsonObject view, string? title = null, string? due = null, string? step = null) => new()
    {
        [ActionVerbs.TitleKey] = Payloads.TextValue(title ?? InitialValue(view, ActionVerbs.TitleKey) ?? string.Empty),
        [ActionVerbs.OwnerKey] = Payloads.SelectValue(InitialValue(view, ActionVerbs.OwnerKey) ?? ActionVerbs.NobodyValue),
        [ActionVerbs.DueKey] = Payloads.DateValue(due ?? InitialValue(view, ActionVerbs.DueKey) ?? "2099-12-31"),
        [ActionVerbs.StepKey] = Payloads.SelectValue(step ?? InitialValue(view, ActionVerbs.StepKey) ?? "1"),
    };

    private static string? InitialValue(JsonObject view, string blockId)
    {
        var element = view["blocks"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["block_id"]?.GetValue<string>() == blockId)["element"]!;
        return element["initial_value"]?.GetValue<string>()
            ?? element["initial_date"]?.GetValue<string>()
            ?? element["initial_option"]?["value"]?.GetValue<string>();
    }

    private async Task<List<string>> ActionsAsync(string channel)
    {
        var actions = new List<string>();
        await foreach (var row in _host.Plans.QueryAsync<TableEntity>(e => e.PartitionKey == SlackBotHost.GroupId(channel)))
        {
            if (row.RowKey.StartsWith("action|", StringComparison.Ordinal))
            {
                actions.Add(row.GetString("Data"));
            }
        }

        return actions;
    }
}
