using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// A Teams client rewrites an Adaptive Card's data before invoking it: the forged owner or title comes
/// through the real host and submission reader, is refused with a friendly answer, and nothing is stored.
/// </summary>
public sealed class ForgedCardDataTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    [Fact]
    public async Task Invoke_ForgedOwnerOrTitleOnAQuestionCard_RefusedAndNothingStoredOrSent()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        await StartPlanAsync(activities);
        await SendAsync(activities.MessageToBot(
            "action <at>Dana Blue</at> book the village hall by 31/12/2099",
            otherMentions: TeamsActivities.Mention("29:dana", "Dana Blue")));
        var question = await NextForAsync(activities.ConversationId);
        var add = CardReading.ActionData(question.Card(), "action.new.addowner")!;
        var sentBefore = fixture.Environment.Connector.All.Count;

        var owner = (JsonObject)add.DeepClone();
        owner["oid"] = "29:mallory";
        owner["on"] = "Mallory";
        var ownerAnswer = await SendAsync(activities.Invoke("action.new.addowner", owner, replyToId: "1700000000601"));

        var title = (JsonObject)add.DeepClone();
        title["t"] = new string('x', 10_000);
        var titleAnswer = await SendAsync(activities.Invoke("action.new.addowner", title, replyToId: "1700000000602"));

        Assert.Equal(HttpStatusCode.OK, ownerAnswer.StatusCode);
        Assert.Contains(SubmissionCheck.NotAMember, CardReading.AllText(JsonNode.Parse(await ownerAnswer.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Contains(SubmissionCheck.Malformed, CardReading.AllText(JsonNode.Parse(await titleAnswer.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        var state = await fixture.Host.LoadGroupAsync(activities.GroupId);
        Assert.Empty(state.OfType<ActionItem>());
        Assert.DoesNotContain(state.OfType<MemberRecord>(), m => m.Member.Id == "29:mallory");
        Assert.Equal(sentBefore, fixture.Environment.Connector.All.Count);
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
