using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Rights;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// Rosters end to end in a real team's shape: the bot is installed into a team whose members never spoke, the
/// roster comes from the fake Connector's paged members, an action for a member is made in one message, and the
/// member is reminded privately in a 1:1 chat the bot creates.
/// </summary>
#pragma warning disable CA1001 // The host is disposed in DisposeAsync (xUnit's IAsyncLifetime).
public sealed class RosterEndToEndTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string ChairId = "29:alex";
    private const string ChairName = "Alex Green";
    private const string MemberId = "29:chris";
    private const string MemberName = "Chris Hill";
    private const string GuestId = "29:gail";

    private readonly TeamsEnvironment _environment = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        await _environment.InitializeAsync();
        // The host's own reminder pass waits 40 days on the fake clock: the test runs every pass itself.
        _host = new TeamsHost(_environment, new Dictionary<string, string?> { ["Reminders:Interval"] = "40.00:00:00" }, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task Install_TeamOfThreeNobodySpoke_ActionInOneMessageRemindedPrivatelyAndListed()
    {
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        _environment.Connector.Roster.Set(
            team,
            (ChairId, ChairName, Guid.NewGuid().ToString(), "user"),
            (MemberId, MemberName, Guid.NewGuid().ToString(), "user"),
            (GuestId, "Gail Guest", Guid.NewGuid().ToString(), "guest"));
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel(), teamId: team);

        // Installed into the team: Teams names only the bot in membersAdded.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(activities.BotAdded())).StatusCode);
        await NextForAsync(activities.ConversationId);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();
        Assert.Equal(2, _environment.Connector.Roster.CountReads("/pagedmembers"));
        var rows = _host.Rows("rosters").Where(r => r.PartitionKey == activities.GroupId).ToList();
        Assert.Equal(3, rows.Count(r => r.RowKey.StartsWith("p|", StringComparison.Ordinal)));
        Assert.True(rows.Single(r => r.GetString("UserId") == GuestId).GetBoolean("Guest"));
        Assert.Contains(rows, r => r.RowKey == "refresh" && r.GetDateTimeOffset("LastFull") is not null);

        await StartPlanAsync(activities);
        await SendAsync(activities.MessageToBot($"action <at>{MemberName}</at> book the village hall by Friday", ChairId, ChairName, TeamsActivities.Mention(MemberId, MemberName)));
        var made = await NextForAsync(activities.ConversationId);
        var text = made.AllText();
        Assert.Contains("book the village hall", text, StringComparison.Ordinal);
        Assert.Contains($"{MemberName} has this action", text, StringComparison.Ordinal);
        Assert.DoesNotContain("in the group?", text, StringComparison.Ordinal);
        Assert.Equal(0, _environment.Connector.Roster.CountReads("/members/"));

        var state = await _host.LoadGroupAsync(activities.GroupId);
        var action = Assert.Single(state.OfType<ActionItem>());
        Assert.Equal(MemberId, action.Owner!.Id);

        await SendAsync(activities.MessageToBot("my actions", MemberId, MemberName));
        Assert.Contains("book the village hall", (await NextForAsync(activities.ConversationId)).AllText(), StringComparison.Ordinal);

        // The day before it is due, the reminder goes to Chris privately, in a 1:1 chat the bot creates.
        _clock.SetUtcNow(ReminderSchedule.DueAt(ReminderKind.DayBefore, action.Due!.Value) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _host.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync());
        var create = await NextWhereAsync(c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.False(create.Body["isGroup"]!.GetValue<bool>());
        Assert.Equal(MemberId, (string?)create.Body["members"]![0]!["id"]);
        Assert.Equal(TeamsActivities.Tenant, (string?)create.Body["tenantId"]);
        Assert.Equal(TeamsActivities.Tenant, (string?)create.Body["channelData"]!["tenant"]!["id"]);
        Assert.Equal(TeamsActivities.BotId, (string?)create.Body["bot"]!["id"]);
        var reminder = await NextWhereAsync(c => c.Path == $"/v3/conversations/{create.SentId}/activities");
        Assert.Contains("book the village hall", reminder.AllText(), StringComparison.Ordinal);
        Assert.Single(_environment.Connector.All, c => c.Path == "/v3/conversations");
        Assert.Contains(_host.Rows("people"), r => r.RowKey == MemberId);
    }

    [Fact]
    public async Task Mention_RosterPagingRefused_SingleMemberCallConfirmsAndOutsiderIsRefused()
    {
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        _environment.Connector.Roster.Set(team, (ChairId, ChairName, Guid.NewGuid().ToString(), "user"), (MemberId, MemberName, Guid.NewGuid().ToString(), "user"));
        _environment.Connector.Roster.FailNext(403);
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel(), teamId: team);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(activities.BotAdded())).StatusCode);
        await NextForAsync(activities.ConversationId);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();
        var rows = _host.Rows("rosters").Where(r => r.PartitionKey == activities.GroupId).ToList();
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("p|", StringComparison.Ordinal));
        Assert.True(rows.Single(r => r.RowKey == "refresh").GetDateTimeOffset("RetryAt") > _clock.GetUtcNow(), "a failed page is tried again later");

        await StartPlanAsync(activities);
        await SendAsync(activities.MessageToBot($"action <at>{MemberName}</at> paint the noticeboard by 31/12/2099", ChairId, ChairName, TeamsActivities.Mention(MemberId, MemberName)));
        Assert.Contains($"{MemberName} has this action", (await NextForAsync(activities.ConversationId)).AllText(), StringComparison.Ordinal);
        Assert.Equal(1, _environment.Connector.Roster.CountReads("/members/"));

        await SendAsync(activities.MessageToBot("action <at>Olly Outsider</at> bake a cake by 31/12/2099", ChairId, ChairName, TeamsActivities.Mention("29:olly", "Olly Outsider")));
        var refusal = (await NextForAsync(activities.ConversationId)).AllText();
        Assert.Contains("Olly Outsider isn't in this conversation", refusal, StringComparison.Ordinal);
        var state = await _host.LoadGroupAsync(activities.GroupId);
        Assert.Equal(MemberId, Assert.Single(state.OfType<ActionItem>()).Owner!.Id);
        Assert.DoesNotContain(_environment.Connector.All, c => c.Path == "/v3/conversations");
    }

    [Fact]
    public async Task Reminder_PrivateChatRefused_GroupToldOnceHowToAddTheApp()
    {
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        _environment.Connector.Roster.Set(team, (ChairId, ChairName, Guid.NewGuid().ToString(), "user"), (MemberId, MemberName, Guid.NewGuid().ToString(), "user"));
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel(), teamId: team);
        await SendAsync(activities.BotAdded());
        await NextForAsync(activities.ConversationId);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();
        await StartPlanAsync(activities);
        await SendAsync(activities.MessageToBot($"action <at>{MemberName}</at> book the village hall by Friday", ChairId, ChairName, TeamsActivities.Mention(MemberId, MemberName)));
        await NextForAsync(activities.ConversationId);
        var due = Assert.Single((await _host.LoadGroupAsync(activities.GroupId)).OfType<ActionItem>()).Due!.Value;

        // No Monday digest may take the Connector's refusal meant for the 1:1 chat.
        await SendAsync(activities.MessageToBot("digest off", ChairId, ChairName));
        await NextForAsync(activities.ConversationId);
        const string Refused = "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}";

        _environment.Connector.AnswerNext(403, body: Refused);
        _clock.SetUtcNow(ReminderSchedule.DueAt(ReminderKind.DayBefore, due) + TimeSpan.FromMinutes(1));
        await _host.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync();
        var first = await NextWhereAsync(c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal) && c.AllText().Contains("book the village hall", StringComparison.Ordinal));

        _environment.Connector.AnswerNext(403, body: Refused);
        _clock.SetUtcNow(ReminderSchedule.DueAt(ReminderKind.Overdue, due) + TimeSpan.FromMinutes(1));
        await _host.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync();
        var second = await NextWhereAsync(c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal) && c.AllText().Contains("book the village hall", StringComparison.Ordinal));

        Assert.Contains("add PlanBot for yourself", first.AllText(), StringComparison.Ordinal);
        Assert.Contains("was due", second.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("add PlanBot for yourself", second.AllText(), StringComparison.Ordinal);
        Assert.Equal(2, _environment.Connector.All.Count(c => c.Path == "/v3/conversations"));
    }

    [Fact]
    public async Task Install_SomeoneWhoAskedToBeForgotten_IsNotAddedBackToTheRoster()
    {
        var team = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var forgottenAad = Guid.NewGuid().ToString();
        _environment.Connector.Roster.Set(
            team,
            (ChairId, ChairName, Guid.NewGuid().ToString(), "user"),
            (MemberId, MemberName, forgottenAad, "user"));
        await _host.Services.GetRequiredService<IStorageReadiness>().WaitAsync();
        await _host.Services.GetRequiredService<SuppressionTable>().SuppressAsync(
            new PersonIdentity("msteams", TeamsActivities.Tenant, MemberId, MemberName) { DirectoryId = forgottenAad }, _clock.GetUtcNow());
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel(), teamId: team);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(activities.BotAdded())).StatusCode);
        await NextForAsync(activities.ConversationId);
        await _host.Services.GetRequiredService<RosterQueue>().WhenIdleAsync();

        var people = _host.Rows("rosters").Where(r => r.PartitionKey == activities.GroupId && r.RowKey.StartsWith("p|", StringComparison.Ordinal)).ToList();
        Assert.Equal(ChairId, Assert.Single(people).GetString("UserId"));
    }

    private async Task StartPlanAsync(TeamsActivities activities)
    {
        await SendAsync(activities.MessageToBot("start", ChairId, ChairName));
        var form = await NextForAsync(activities.ConversationId);
        var create = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        await SendAsync(activities.Invoke("plan.create", create, inputs, replyToId: "1700000000500", userId: ChairId, userName: ChairName));
        Assert.Equal("PUT", (await NextForAsync(activities.ConversationId)).Method);
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) => _host.PostAsync(activity, _environment.Bearer());

    private Task<ConnectorCall> NextForAsync(string conversationId) => NextWhereAsync(c => c.Path.Contains(conversationId, StringComparison.Ordinal));

    private async Task<ConnectorCall> NextWhereAsync(Func<ConnectorCall, bool> wanted)
    {
        while (true)
        {
            var call = await _environment.Connector.NextAsync();
            if (wanted(call))
            {
                return call;
            }
        }
    }
}
