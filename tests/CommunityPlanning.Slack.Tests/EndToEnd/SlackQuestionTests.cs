using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Tests.Rendering;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// "Ask me the questions" in a Slack channel, end to end: a question answered on its message (input and
/// Save button in the message), a plain reply (message.channels, no mention) from the person asked, and a
/// plain message from someone else, dropped at intake with nothing queued or stored.
/// </summary>
public sealed class SlackQuestionTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QuestionMessage_AnsweredWithItsSaveButton_SavedAndTheMessageShowsTheNextQuestion()
    {
        var question = await AskAsync("C700");
        var blocks = question.Body["blocks"]!.AsArray();
        var save = SlackScript.Buttons(question).Single(b => b["text"]!["text"]!.GetValue<string>() == "Save");
        Assert.StartsWith(BlockKitRenderer.SubmitActionPrefix, save["action_id"]!.GetValue<string>(), StringComparison.Ordinal);
        var ts = question.Response["ts"]!.GetValue<string>();
        var click = Payloads.ButtonClick("C700", ts, blocks, save);
        click["state"] = new JsonObject { ["values"] = new JsonObject { ["answer"] = Payloads.TextValue("The parish of Little Wittering") } };

        var response = await _host.PostInteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await Slack.WaitForAsync("chat.update", c => SlackScript.ChannelOf(c) == "C700" && c.Body.ToJsonString().Contains("how many people", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ts, update.Body["ts"]!.GetValue<string>());
        BlockKitAssert.ValidMessage(update.Body["blocks"]!.AsArray());
        Assert.Equal("The parish of Little Wittering", await StoredAreaAsync("C700"));
    }

    [Fact]
    public async Task PlainReply_FromThePersonAsked_AnswersTheQuestion()
    {
        await AskAsync("C710");

        var response = await _host.PostEventAsync(PlainMessage("C710", "Just the parish", "Ev711", "U1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.WaitForAsync("chat.postMessage", c => SlackScript.ChannelOf(c) == "C710" && c.Body.ToJsonString().Contains("how many people", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Just the parish", await StoredAreaAsync("C710"));
    }

    [Fact]
    public async Task PlainMessage_FromSomeoneElse_DroppedBeforeAnythingIsQueuedOrStored()
    {
        await AskAsync("C720");
        var turnsBefore = TurnsMarked(_host.Plans.Query<TableEntity>().ToList());

        var response = await _host.PostEventAsync(PlainMessage("C720", "Is anyone bringing biscuits?", "Ev721", "U2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await new TableClient(Azurite.ConnectionString, _host.Prefix + "work").QueryAsync<TableEntity>(e => e.PartitionKey == "slack:evt:Ev721").ToListAsync());
        Assert.Equal(0, await QueuedAsync());

        // Work for the channel runs in order: once this mention is answered, the message before it would have been too.
        await _host.PostEventAsync(Payloads.Mention("C720", "progress", "Ev722", "U2"));
        await Slack.WaitForAsync("chat.postMessage", c => SlackScript.ChannelOf(c) == "C720" && c.Body.ToJsonString().Contains("Little Wittering: progress", StringComparison.Ordinal));
        // One turn saved since the question (the mention's, marked on the group's version row), none for the message.
        var rows = _host.Plans.Query<TableEntity>().ToList();
        Assert.Equal(turnsBefore + 1, TurnsMarked(rows));
        Assert.DoesNotContain(rows, r => r.RowKey.Contains("Ev721", StringComparison.Ordinal));
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => c.Body.ToJsonString().Contains("biscuits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainMessage_ThatMentionsTheBot_IsLeftToItsAppMentionEvent()
    {
        var rowsBefore = await _host.CountStoredRowsAsync();
        var payload = PlainMessage("C730", $"<@{FakeSlackApi.BotUserId}> progress", "Ev731", "U1");

        var response = await _host.PostEventAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await QueuedAsync());
        Assert.Equal(rowsBefore, await _host.CountStoredRowsAsync());
    }

    private async Task<RecordedCall> AskAsync(string channel)
    {
        await _host.StartPlanAsync(channel);
        await _host.PostEventAsync(Payloads.Mention(channel, "ask me the questions", "Ev" + channel));
        var question = await Slack.WaitForAsync("chat.postMessage", c => SlackScript.ChannelOf(c) == channel && c.Body.ToJsonString().Contains("Describe the area", StringComparison.Ordinal));
        var blocks = question.Body["blocks"]!.AsArray();
        BlockKitAssert.ValidMessage(blocks);
        Assert.Contains(blocks, b => b!["type"]!.GetValue<string>() == "input" && b["block_id"]!.GetValue<string>() == "answer");
        return question;
    }

    // A channel message with no mention, as message.channels delivers it.
    private static JsonObject PlainMessage(string channel, string text, string eventId, string user)
    {
        var payload = Payloads.Mention(channel, text, eventId, user);
        var evt = payload["event"]!.AsObject();
        evt["type"] = "message";
        evt["channel_type"] = "channel";
        evt["text"] = text;
        return payload;
    }

    // Messages on the work queue (none when the start-up initializer has not created it yet).
    private async Task<int> QueuedAsync()
    {
        try
        {
            return (await new QueueClient(Azurite.ConnectionString, (_host.Prefix + "work").ToLowerInvariant()).PeekMessagesAsync(32)).Value.Length;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private async Task<string?> StoredAreaAsync(string channel) =>
        (await _host.Services.GetRequiredService<IGroupStore>().LoadAsync(SlackBotHost.GroupId(channel)))
            .Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))?.Values.GetValueOrDefault("area");

    // Each saved turn marks the group's version row with one property named T + 32 hex digits (Storage's TurnMarks).
    private static int TurnsMarked(List<TableEntity> rows) =>
        rows.Where(r => r.RowKey == "!version").Sum(r => r.Keys.Count(k => k.Length == 33 && k[0] == 'T'));
}
