using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// A Slack client rewrites a button's value before clicking it: the forged owner or title comes through
/// the interactions endpoint and its reader, is refused privately, and nothing is stored.
/// </summary>
public sealed class SlackForgedCardTests : IAsyncLifetime
{
    private const string Channel = "C900";
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Interactions_ForgedOwnerOrTitleInAButtonValue_RefusedPrivatelyAndNothingStored()
    {
        await StartPlanAsync();
        await _host.PostEventAsync(Payloads.Mention(Channel, "action: book the village hall", "Ev901"));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && c.Body.ToJsonString().Contains("New action", StringComparison.Ordinal));
        await _host.PostEventAsync(Payloads.Mention(Channel, "action 1 to <@U2>", "Ev902"));
        var question = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && c.Body.ToJsonString().Contains("in the group?", StringComparison.Ordinal));
        var add = Buttons(question).Single(b => b["text"]!["text"]!.GetValue<string>() == "Add Sam Jones");
        var value = ActionValue.TryDecode(add["value"]!.GetValue<string>())!;
        var ts = question.Response["ts"]!.GetValue<string>();

        var owner = await ClickAsync(question, add, value, ts, ("oid", "U666"), ("on", "Mallory"));
        var ownerRefusal = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == Channel && Text(c).Contains("isn't on my list", StringComparison.Ordinal));
        var title = await ClickAsync(question, add, value, ts, ("t", new string('x', 10_000)));
        var titleRefusal = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == Channel && Text(c).Contains("don't look right", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, title.StatusCode);
        Assert.Equal("U1", ownerRefusal.Body["user"]!.GetValue<string>());
        Assert.Equal("U1", titleRefusal.Body["user"]!.GetValue<string>());
        var keys = new List<string>();
        await foreach (var row in _host.Plans.QueryAsync<TableEntity>(e => e.PartitionKey == SlackBotHost.GroupId(Channel)))
        {
            keys.Add(row.RowKey);
        }

        Assert.DoesNotContain(keys, k => k.Contains("U666", StringComparison.Ordinal));
        var action = await _host.Plans.GetEntityAsync<TableEntity>(SlackBotHost.GroupId(Channel), "action|00001");
        Assert.DoesNotContain("U2", action.Value.GetString("Data"), StringComparison.Ordinal);
        Assert.Empty(Slack.Calls("chat.update"));
    }

    private Task<HttpResponseMessage> ClickAsync(RecordedCall message, JsonObject button, ActionValue value, string ts, params (string Key, string Value)[] forged)
    {
        var data = new Dictionary<string, string>(value.Data);
        foreach (var (key, text) in forged)
        {
            data[key] = text;
        }

        var changed = button.DeepClone().AsObject();
        changed["value"] = new ActionValue(value.Verb, data).Encode();
        return _host.PostInteractionAsync(Payloads.ButtonClick(Channel, ts, message.Body["blocks"]!.AsArray(), changed));
    }

    private Task StartPlanAsync() => _host.StartPlanAsync(Channel);

    private static string? ChannelOf(RecordedCall call) => SlackScript.ChannelOf(call);

    private static string Text(RecordedCall call) => call.Body["text"]?.GetValue<string>() ?? call.Body.ToJsonString();

    private static IEnumerable<JsonObject> Buttons(RecordedCall call) => SlackScript.Buttons(call);
}
