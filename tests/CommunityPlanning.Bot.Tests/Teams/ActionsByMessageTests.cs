using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// Actions end to end in a Teams channel: made from one message with a real mention entity, listed,
/// reassigned and completed, through the authenticated host, Azurite and the fake Connector.
/// </summary>
public sealed class ActionsByMessageTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private const string AlexId = "29:alex";
    private const string AlexName = "Alex Green";

    [Fact]
    public async Task Action_CreatedByMessageWithAMention_ListedReassignedAndCompleted()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        await StartPlanAsync(activities);

        // Alex says hello first, so the bot knows Alex is in the group.
        await SendAsync(activities.MessageToBot("help", AlexId, AlexName));
        await NextForAsync(activities.ConversationId);

        var created = await SendAsync(activities.MessageToBot(
            $"action <at>{AlexName}</at> book the village hall for the open event by 31/12/2099",
            otherMentions: TeamsActivities.Mention(AlexId, AlexName)));
        var confirmation = await NextForAsync(activities.ConversationId);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var text = confirmation.AllText();
        Assert.Contains("book the village hall for the open event", text, StringComparison.Ordinal);
        Assert.Contains(AlexName, text, StringComparison.Ordinal);
        Assert.Contains("Thu 31 Dec 2099", text, StringComparison.Ordinal);

        await SendAsync(activities.MessageToBot("actions"));
        var list = (await NextForAsync(activities.ConversationId)).AllText();
        Assert.Contains("book the village hall", list, StringComparison.Ordinal);

        await SendAsync(activities.MessageToBot("action 1 to <at>Sam Jones</at>", otherMentions: TeamsActivities.Mention("29:sam", "Sam Jones")));
        Assert.Contains("Sam Jones", (await NextForAsync(activities.ConversationId)).AllText(), StringComparison.Ordinal);

        await SendAsync(activities.MessageToBot("done 1"));
        await NextForAsync(activities.ConversationId);

        var state = await fixture.Host.LoadGroupAsync(activities.GroupId);
        var action = Assert.Single(state.OfType<ActionItem>());
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal("29:sam", action.Owner!.Id);
        Assert.Equal(new DateOnly(2099, 12, 31), action.Due);
        Assert.True(action.History.Count >= 2, "reassignment and completion are both in the history");
    }

    [Fact]
    public async Task PlanVerbs_LinkAChatActionToTheActionPlan_ShowOnItsCard()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        await StartPlanAsync(activities);
        await SendAsync(activities.MessageToBot("action: mend the bench at the pond"));
        await NextForAsync(activities.ConversationId);

        // Each change is answered, and the action's card, posted before, is updated in place too.
        await SendAsync(activities.MessageToBot("action 1 priority high"));
        await NextContainingAsync(activities.ConversationId, "Action 1's priority in the plan is now high");
        await SendAsync(activities.MessageToBot("action 1 cost 250"));
        await NextContainingAsync(activities.ConversationId, "Action 1's cost in the plan is now £250");
        await SendAsync(activities.MessageToBot("action 1"));
        var card = await NextContainingAsync(activities.ConversationId, "Priority");

        Assert.Contains("Priority", card, StringComparison.Ordinal);
        Assert.Contains("High", card, StringComparison.Ordinal);
        Assert.Contains("£250", card, StringComparison.Ordinal);
        var action = Assert.Single((await fixture.Host.LoadGroupAsync(activities.GroupId)).OfType<ActionItem>());
        Assert.Equal(("high", 250m), (action.Plan!.Priority, action.Plan.Cost));
    }

    private async Task<string> NextContainingAsync(string conversationId, string text)
    {
        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = (await NextForAsync(conversationId)).AllText();
            if (next.Contains(text, StringComparison.Ordinal))
            {
                return next;
            }

            seen.Add(next);
        }

        throw new Xunit.Sdk.XunitException($"No message with \"{text}\" among:\n" + string.Join("\n---\n", seen));
    }

    private async Task StartPlanAsync(TeamsActivities activities)
    {
        await SendAsync(activities.MessageToBot("start"));
        var form = await NextForAsync(activities.ConversationId);
        var create = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        await SendAsync(activities.Invoke("plan.create", create, inputs, replyToId: "1700000000500"));
        Assert.Equal("PUT", (await NextForAsync(activities.ConversationId)).Method);
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject activity) => fixture.Host.PostAsync(activity, fixture.Environment.Bearer());

    private async Task<ConnectorCall> NextForAsync(string conversationId)
    {
        while (true)
        {
            var call = await fixture.Environment.Connector.NextAsync();
            if (call.Path.Contains(conversationId, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }
}
