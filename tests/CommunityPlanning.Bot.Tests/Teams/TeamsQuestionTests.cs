using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// "Ask me the questions" in a Teams channel, end to end: a question answered on its card, a plain reply
/// (no @mention, delivered through resource-specific consent) from the person asked, and a plain message
/// from someone else, which is dropped before anything is loaded, stored or sent.
/// </summary>
public sealed class TeamsQuestionTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private TeamsEnvironment Environment => fixture.Environment;

    private TeamsHost Host => fixture.Host;

    private FakeConnector Connector => Environment.Connector;

    [Fact]
    public async Task QuestionCard_AnsweredOnTheCard_SavedAndNextQuestionShown()
    {
        var activities = new TeamsActivities(Connector.ServiceUrl, TeamsActivities.NewChannel());
        var question = await AskAsync(activities);
        var save = CardReading.ActionData(question.Card(), "question.save")!;

        var response = await Host.PostAsync(activities.Invoke("question.save", save, new JsonObject { ["answer"] = "The parish of Little Wittering" }, replyToId: "1700000000700"), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Contains("how many people", CardReading.AllText(body["value"]), StringComparison.OrdinalIgnoreCase);
        var put = await NextForAsync(activities.ConversationId);
        Assert.Equal("PUT", put.Method);
        Assert.EndsWith("/activities/1700000000700", put.Path, StringComparison.Ordinal);
        Assert.Equal("The parish of Little Wittering", await StoredAreaAsync(activities));
    }

    [Fact]
    public async Task PlainReply_FromThePersonAsked_AnswersTheQuestion()
    {
        var activities = new TeamsActivities(Connector.ServiceUrl, TeamsActivities.NewChannel());
        await AskAsync(activities);

        var response = await Host.PostAsync(Plain(activities, "Just the parish", "29:sam", "Sam Jones"), Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = await NextForAsync(activities.ConversationId);
        Assert.Contains("how many people", next.AllText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Just the parish", await StoredAreaAsync(activities));
    }

    [Fact]
    public async Task PlainMessage_FromSomeoneElse_IgnoredAndNothingStored()
    {
        var activities = new TeamsActivities(Connector.ServiceUrl, TeamsActivities.NewChannel());
        await AskAsync(activities);
        var before = PartitionRows(activities);
        var sent = Connector.All.Count(c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal));
        var message = Plain(activities, "Is anyone bringing biscuits on Friday?", "29:ann", "Ann Smith");

        var response = await Host.PostAsync(message, Environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The handler delivers before it answers: anything sent would already be recorded.
        Assert.Equal(sent, Connector.All.Count(c => c.Path.Contains(activities.ConversationId, StringComparison.Ordinal)));
        var after = PartitionRows(activities);
        Assert.Equal(before, after);
        Assert.DoesNotContain(after, row => row.Key.Contains((string)message["id"]!, StringComparison.Ordinal));
    }

    private async Task<ConnectorCall> AskAsync(TeamsActivities activities)
    {
        await Host.PostAsync(activities.MessageToBot("start"), Environment.Bearer());
        var form = await NextForAsync(activities.ConversationId);
        var create = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        await Host.PostAsync(activities.Invoke("plan.create", create, inputs, replyToId: "1700000000400"), Environment.Bearer());
        Assert.Equal("PUT", (await NextForAsync(activities.ConversationId)).Method);

        await Host.PostAsync(activities.MessageToBot("ask me the questions"), Environment.Bearer());
        var question = await NextForAsync(activities.ConversationId);
        Assert.Contains("Describe the area", question.AllText(), StringComparison.Ordinal);
        Assert.NotNull(CardReading.ActionData(question.Card(), "question.save"));
        return question;
    }

    // A channel message with no @mention, as Teams delivers it to an app holding ChannelMessage.Read.Group.
    private static JsonObject Plain(TeamsActivities activities, string text, string userId, string userName)
    {
        var activity = activities.Base("message", userId, userName);
        activity["text"] = text;
        return activity;
    }

    private async Task<string?> StoredAreaAsync(TeamsActivities activities) =>
        (await Host.LoadGroupAsync(activities.GroupId)).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))?.Values.GetValueOrDefault("area");

    // Every row of the group's partition with its ETag: a dropped message must leave all of them as they were.
    private Dictionary<string, string> PartitionRows(TeamsActivities activities) =>
        Host.PlanRows().Where(r => r.PartitionKey == activities.GroupId).ToDictionary(r => r.RowKey, r => r.ETag.ToString());

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
