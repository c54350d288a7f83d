using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// Authenticated Teams traffic end to end through Kestrel, Azurite and the fake Connector: mentions in
/// channel threads, Universal Actions, the Action.Submit fallback, conversation updates, proactive sends
/// and Connector retries. Each test uses its own channel, so they share one host.
/// </summary>
public sealed class TeamsMessagingTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private TeamsEnvironment Environment => fixture.Environment;

    private TeamsHost Host => fixture.Host;

    private FakeConnector Connector => Environment.Connector;

    [Fact]
    public async Task ChannelMessageWithMentions_AnsweredInTheThreadItCameFrom()
    {
        var thread = TeamsActivities.NewChannel() + ";messageid=1700000000001";
        var activities = Activities(thread);
        var message = activities.MessageToBot("progress", otherMentions: TeamsActivities.Mention("29:ann", "Ann Smith"));

        var response = await Host.PostAsync(message, Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await NextForAsync(thread);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{thread}/activities", call.Path);
        Assert.Equal(thread, (string?)call.Body["conversation"]!["id"]);
        Assert.StartsWith("Bearer connector-token-", call.Authorization, StringComparison.Ordinal);
        Assert.Equal(TeamsActivities.BotId, (string?)call.Body["from"]!["id"]);
        Assert.Contains("hasn't started its plan", call.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_StoresTheChannelReference_AndAProactiveMessageReachesIt()
    {
        var channel = TeamsActivities.NewChannel();
        var activities = Activities(channel + ";messageid=1700000000002");
        await Host.PostAsync(activities.MessageToBot("help"), Environment.Bearer());
        await NextForAsync(channel);

        var state = await Host.LoadGroupAsync(activities.GroupId);
        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        Assert.NotNull(reference);
        Assert.Equal("msteams", reference.Channel);
        Assert.Equal(Connector.ServiceUrl, reference.Address[TeamsAddress.ServiceUrl]);
        Assert.Equal(channel, reference.Address[TeamsAddress.ConversationId]);
        Assert.Equal(TeamsActivities.Tenant, reference.Address[TeamsAddress.TenantId]);
        Assert.Equal(TeamsActivities.BotId, reference.Address[TeamsAddress.BotId]);

        var messenger = Host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves(reference.Channel));
        var result = await messenger.SendToGroupAsync(reference, Reply.Say("Reminder: the village hall booking is due Fri 14 Mar 2025."));

        Assert.Equal(ProactiveResult.Sent, result);
        var proactive = await NextForAsync(channel);
        Assert.Equal($"/v3/conversations/{channel}/activities", proactive.Path);
        Assert.StartsWith("Bearer connector-token-", proactive.Authorization, StringComparison.Ordinal);
        Assert.Contains("village hall", proactive.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteInvoke_ChecklistTick_UpdatedCardInResponseAndPutForEveryone()
    {
        var activities = Activities(TeamsActivities.NewChannel());
        var tick = await StartPlanAndShowChecklistAsync(activities);

        var response = await Host.PostAsync(activities.Invoke("checklist.set", tick, replyToId: "1700000000555"), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.Contains("Ticked by Sam Jones", CardReading.AllText(body["value"]), StringComparison.Ordinal);

        var put = await NextForAsync(activities.ConversationId);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/v3/conversations/{activities.ConversationId}/activities/1700000000555", put.Path);
        Assert.Contains("Ticked by Sam Jones", put.AllText(), StringComparison.Ordinal);
        Assert.StartsWith("Bearer connector-token-", put.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteInvoke_AutomaticTrigger_AnsweredButNeverPut()
    {
        var activities = Activities(TeamsActivities.NewChannel());
        var tick = await StartPlanAndShowChecklistAsync(activities);
        var before = Connector.All.Count;

        var response = await Host.PostAsync(activities.Invoke("checklist.set", tick, replyToId: "1700000000556", trigger: "automatic"), Environment.Bearer());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        // Delivery is finished before the HTTP response: anything sent would already be recorded.
        Assert.Equal(before, Connector.All.Count);
    }

    [Fact]
    public async Task ExecuteInvoke_UnreadableData_InvokeErrorWithFriendlyMessage()
    {
        var activities = Activities(TeamsActivities.NewChannel());
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "checklist.set", ["data"] = "not an object" },
            ["trigger"] = "manual",
        };

        var response = await Host.PostAsync(activities.RawInvoke(value), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("BadRequest", (string?)body["value"]!["code"]);
        Assert.Equal(BotFrameworkHandler.UnreadableCardMessage, (string?)body["value"]!["message"]);
        Assert.DoesNotContain(Connector.All, c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal));
        Assert.Empty((await Host.LoadGroupAsync(activities.GroupId)).All);
    }

    [Fact]
    public async Task SubmitFallback_ChecklistTick_CardPutInPlace()
    {
        var activities = Activities(TeamsActivities.NewChannel());
        var tick = await StartPlanAndShowChecklistAsync(activities);

        var response = await Host.PostAsync(activities.Submit("checklist.set", tick, replyToId: "1700000000777"), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var put = await NextForAsync(activities.ConversationId);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/v3/conversations/{activities.ConversationId}/activities/1700000000777", put.Path);
        Assert.Contains("Ticked by Sam Jones", put.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAdded_WelcomeCardThatStartsThePlan()
    {
        var activities = Activities(TeamsActivities.NewChannel());

        await Host.PostAsync(activities.BotAdded(), Environment.Bearer());

        var welcome = await NextForAsync(activities.ConversationId);
        Assert.Contains("Hello, I'm PlanBot", welcome.AllText(), StringComparison.Ordinal);
        Assert.NotNull(CardReading.ActionData(welcome.Card(), "plan.start"));
    }

    [Fact]
    public async Task MembersAddedAndRemoved_KeptOnTheMemberList()
    {
        var activities = Activities(TeamsActivities.NewChannel());

        await Host.PostAsync(activities.MembersAdded(("29:ann", "Ann Smith"), ("29:bob", "Bob Lee")), Environment.Bearer());
        await Host.PostAsync(activities.MembersRemoved(("29:bob", "Bob Lee")), Environment.Bearer());

        var state = await Host.LoadGroupAsync(activities.GroupId);
        var ann = state.Find<MemberRecord>(MemberRecord.KeyFor("29:ann"));
        var bob = state.Find<MemberRecord>(MemberRecord.KeyFor("29:bob"));
        Assert.NotNull(ann);
        Assert.True(ann.Active);
        Assert.Equal("Ann Smith", ann.Member.Name);
        Assert.NotNull(bob);
        Assert.False(bob.Active);
        Assert.DoesNotContain(Connector.All, c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonalInstall_StoresTheirChat_AndPrivateMessagesGoThere()
    {
        var userId = $"29:{Guid.NewGuid():N}";
        var personal = $"a:{Guid.NewGuid():N}";
        var chat = new TeamsActivities(Connector.ServiceUrl, personal, conversationType: "personal");

        var install = await Host.PostAsync(chat.InstallationUpdate("add", userId, "Sam Jones"), Environment.Bearer());
        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        await NextForAsync(personal);

        var people = Host.Services.GetRequiredService<IPersonalConversationStore>();
        var stored = await people.FindAsync("msteams", TeamsActivities.Tenant, userId);
        Assert.NotNull(stored);
        Assert.Equal(personal, stored.Address[TeamsAddress.ConversationId]);
        Assert.Equal(Connector.ServiceUrl, stored.Address[TeamsAddress.ServiceUrl]);

        // A reminder from the group's channel reaches them in that chat, without creating a conversation.
        var channel = Activities(TeamsActivities.NewChannel());
        await Host.PostAsync(channel.MessageToBot("help"), Environment.Bearer());
        await NextForAsync(channel.ConversationId);
        var reference = (await Host.LoadGroupAsync(channel.GroupId)).Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind)!;
        var messenger = Host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves("msteams"));

        var result = await messenger.SendToMemberAsync(reference, new MemberRef(userId, "Sam Jones"), Reply.Say("Your action is due tomorrow."));

        Assert.Equal(ProactiveResult.Sent, result);
        var call = await NextForAsync(personal);
        Assert.Equal($"/v3/conversations/{personal}/activities", call.Path);
        Assert.DoesNotContain(Connector.All, c => c.Path == "/v3/conversations");
    }

    [Theory]
    [InlineData("application/vnd.microsoft.meetingStart")]
    [InlineData("application/vnd.microsoft.meetingEnd")]
    public async Task MeetingEvents_AcceptedAndRouted(string name)
    {
        var activities = new TeamsActivities(Connector.ServiceUrl, TeamsActivities.NewChannel().Replace("@thread.tacv2", "@thread.v2", StringComparison.Ordinal), conversationType: "groupChat");

        var response = await Host.PostAsync(activities.Event(name), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Routed as a meeting turn: the group's reference is stored (no meeting feature answers yet).
        Assert.NotNull((await Host.LoadGroupAsync(activities.GroupId)).Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind));
    }

    [Fact]
    public async Task ConnectorAnswers429WithRetryAfter_ReplyRetriedNoSoonerThanAsked()
    {
        var activities = Activities(TeamsActivities.NewChannel());
        Connector.AnswerNext(429, "1");

        var response = await Host.PostAsync(activities.MessageToBot("help"), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await NextForAsync(activities.ConversationId);
        var throttled = Connector.All.Single(c => c.Method == "POST (answered 429)");
        Assert.Equal(sent.Path, throttled.Path);
        var gap = sent.At - throttled.At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"The retry came {gap.TotalMilliseconds} ms after the 429.");
    }

    private TeamsActivities Activities(string conversationId) => new(Connector.ServiceUrl, conversationId);

    /// <summary>Starts a plan through the start form and shows the checklist; returns the first item's tick data.</summary>
    private async Task<JsonObject> StartPlanAndShowChecklistAsync(TeamsActivities activities)
    {
        await Host.PostAsync(activities.MessageToBot("start"), Environment.Bearer());
        var form = await NextForAsync(activities.ConversationId);
        var create = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        var created = await Host.PostAsync(activities.Invoke("plan.create", create, inputs, replyToId: "1700000000400"), Environment.Bearer());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("PUT", (await NextForAsync(activities.ConversationId)).Method);

        await Host.PostAsync(activities.MessageToBot("checklist"), Environment.Bearer());
        var checklist = await NextForAsync(activities.ConversationId);
        Assert.Contains("Checklist", checklist.AllText(), StringComparison.Ordinal);
        return CardReading.ActionData(checklist.Card(), "checklist.set")!;
    }

    /// <summary>The next Connector call for this conversation (calls for other tests' conversations are skipped).</summary>
    private async Task<ConnectorCall> NextForAsync(string conversationId)
    {
        while (true)
        {
            var call = await Connector.NextAsync();
            if (call.Path.Contains(conversationId, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }
}
