using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// Rosters in Slack: the bot joins a channel whose members never spoke, the roster comes from conversations.members
/// (paged) and users.info, an action for a silent member is made in one message, they are reminded in a direct
/// message opened with conversations.open, and joins and leaves keep the roster current.
/// </summary>
public sealed class SlackRosterTests : IAsyncLifetime
{
    private const string Channel = "C700";
    // Wed 12 Mar 2025, 10am London: a fixed day, so "by Friday" and the reminder times never depend on when the test runs.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero));
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BotJoinsChannel_SilentMember_ActionInOneMessageRemindedByDirectMessage()
    {
        Slack.ChannelMembers[Channel] = ["U1", "U3", "UG", FakeSlackApi.BotUserId];
        Slack.Names["U3"] = "Chris Hill";
        Slack.Names["UG"] = "Gail Guest";
        Slack.Guests.Add("UG");

        await _host.PostEventAsync(Payloads.Membership(Channel, FakeSlackApi.BotUserId, "EvJoinBot"));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();
        Assert.Equal(2, Slack.Calls("conversations.members").Count);
        var people = await RosterRowsAsync();
        Assert.Equal(["U1", "U3", "UG"], people.Select(r => r.GetString("UserId")).Order(StringComparer.Ordinal));
        Assert.True(people.Single(r => r.GetString("UserId") == "UG").GetBoolean("Guest"));

        await StartPlanAsync();
        await _host.PostEventAsync(Payloads.Mention(Channel, "action <@U3> book the village hall by Friday", "EvAction"));
        var made = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && Json(c).Contains("book the village hall", StringComparison.Ordinal));
        Assert.Contains("Chris Hill has this action", Json(made), StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => Json(c).Contains("in the group?", StringComparison.Ordinal));
        var action = Assert.Single((await _host.Services.GetRequiredService<IGroupStore>().LoadAsync(SlackBotHost.GroupId(Channel))).OfType<ActionItem>());
        Assert.Equal("U3", action.Owner!.Id);

        await _host.PostEventAsync(Payloads.Mention(Channel, "my actions", "EvMine", user: "U3"));
        var mine = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && Json(c).Contains("Chris Hill's actions", StringComparison.Ordinal));
        Assert.Contains("book the village hall", Json(mine), StringComparison.Ordinal);

        _clock.SetUtcNow(ReminderSchedule.DueAt(ReminderKind.DayBefore, action.Due!.Value) + TimeSpan.FromMinutes(1));
        await ActivatorUtilities.CreateInstance<ReminderDispatcher>(_host.Services, new ReminderOptions()).RunOnceAsync();
        var open = await Slack.WaitForAsync("conversations.open", c => c.Body["users"]?.GetValue<string>() == "U3");
        var reminder = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == "DU3");
        Assert.Equal("DU3", open.Response["channel"]!["id"]!.GetValue<string>());
        Assert.Contains("book the village hall", Json(reminder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_SomeoneNotInTheChannel_ClearReplyAndNothingMade()
    {
        Slack.ChannelMembers[Channel] = ["U1", FakeSlackApi.BotUserId];
        Slack.Names["U9"] = "Olly Outsider";
        await StartPlanAsync();

        await _host.PostEventAsync(Payloads.Mention(Channel, "action <@U9> bake a cake by Friday", "EvOutsider"));

        var refusal = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && Json(c).Contains("isn't in this conversation", StringComparison.Ordinal));
        Assert.Contains("Olly Outsider", Json(refusal), StringComparison.Ordinal);
        Assert.Empty((await _host.Services.GetRequiredService<IGroupStore>().LoadAsync(SlackBotHost.GroupId(Channel))).OfType<ActionItem>());
        Assert.Empty(Slack.Calls("conversations.open"));
    }

    [Fact]
    public async Task MemberEvents_JoinAndLeave_KeepTheRosterCurrent()
    {
        Slack.ChannelMembers[Channel] = ["U1", FakeSlackApi.BotUserId];
        Slack.Names["U4"] = "Dee Newcomer";
        await _host.PostEventAsync(Payloads.Membership(Channel, FakeSlackApi.BotUserId, "EvJoinBot2"));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();

        await MemberEventAsync(Payloads.Membership(Channel, "U4", "EvJoinU4"), RosterWorkKind.Joined);
        await MemberEventAsync(Payloads.Membership(Channel, "U1", "EvLeaveU1", joined: false), RosterWorkKind.Left);

        Assert.Equal(["U4"], (await RosterRowsAsync()).Select(r => r.GetString("UserId")));
    }

    // Member events run as queued turns; their roster work follows the save. Awaits that work, without a delay.
    private async Task MemberEventAsync(JsonObject payload, RosterWorkKind kind)
    {
        var queue = _host.Services.GetRequiredService<RosterQueue>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFinished(object? sender, RosterWork work)
        {
            if (work.Kind == kind && work.GroupId == SlackBotHost.GroupId(Channel))
            {
                done.TrySetResult();
            }
        }

        queue.Finished += OnFinished;
        try
        {
            await _host.PostEventAsync(payload);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            queue.Finished -= OnFinished;
        }
    }

    private async Task<List<TableEntity>> RosterRowsAsync()
    {
        var table = new TableClient(CommunityPlanning.Testing.Azurite.ConnectionString, _host.Prefix + "rosters");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == SlackBotHost.GroupId(Channel)))
        {
            if (row.RowKey.StartsWith("p|", StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private async Task StartPlanAsync()
    {
        await _host.PostCommandAsync(Payloads.Command(Channel, "help"));
        var help = await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && Json(c).Contains("Start our plan", StringComparison.Ordinal));
        var button = help.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .OfType<JsonObject>()
            .Single(b => b["text"]!["text"]!.GetValue<string>() == "Start our plan");
        var click = Payloads.ButtonClick(Channel, help.Response["ts"]!.GetValue<string>(), help.Body["blocks"]!.AsArray(), button);
        await _host.PostInteractionAsync(click);
        var trigger = click["trigger_id"]!.GetValue<string>();
        var open = await Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == trigger);
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue("Little Wittering"),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };
        await _host.PostInteractionAsync(Payloads.ViewSubmission(open.Body["view"]!.AsObject(), values));
        await Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == Channel && Json(c).Contains("plan has started", StringComparison.Ordinal));
    }

    // Unescaped, so text with apostrophes can be searched for.
    private static string Json(RecordedCall call) => call.Body.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string? ChannelOf(RecordedCall call) => call.Body["channel"]?.GetValue<string>();
}
