using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// "Make an action" on a Teams message, end to end through the authenticated host, Azurite and the fake
/// Connector, with the invoke payloads Teams sends (<c>composeExtension/fetchTask</c> and
/// <c>composeExtension/submitAction</c> carrying <c>messagePayload</c>).
/// </summary>
public sealed class MessageActionTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private const string AlexId = "29:alex";
    private const string AlexAad = "5c2d1a0e-0000-4000-8000-00000000a1e5";
    private const string AlexName = "Alex Green";
    private const string Link = "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000999";

    [Fact]
    public async Task FetchTask_MessageWithMentionAndDate_FormPrefilledFromTheMessage()
    {
        var activities = await GroupWithAlexAsync();

        var body = await FetchAsync(activities, $"<p>Could <at id=\"0\">{AlexName}</at> ring the village hall &amp; book it by 31/12/2099?</p>", MentionOfAlex());

        var content = DialogCard(body);
        var title = InputValue(content, ActionVerbs.TitleKey)!;
        Assert.Equal("Ring the village hall & book it", title);
        Assert.DoesNotContain("31/12", title, StringComparison.Ordinal);
        Assert.Equal(AlexId, InputValue(content, ActionVerbs.OwnerKey));
        Assert.Equal("2099-12-31", InputValue(content, ActionVerbs.DueKey));
        Assert.Equal("1", InputValue(content, ActionVerbs.StepKey));
        Assert.DoesNotContain("<at", content.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", content.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAction_SentTwice_OneActionAndOneConfirmation()
    {
        var activities = await GroupWithAlexAsync();
        var content = DialogCard(await FetchAsync(activities, "<p>Order the leaflets</p>"));
        var data = SubmitData(content);
        data[ActionVerbs.OwnerKey] = AlexId;
        data[ActionVerbs.DueKey] = "2099-12-31";
        data[ActionVerbs.StepKey] = "4";

        var first = await SendAsync(SubmitAction(activities, data));
        var confirmation = await NextForAsync(activities.ConversationId);
        var second = await SendAsync(SubmitAction(activities, data));

        Assert.Equal("{}", await first.Content.ReadAsStringAsync());
        var text = confirmation.AllText();
        Assert.Contains("Order the leaflets", text, StringComparison.Ordinal);
        Assert.Contains("From a message by Pat Brown: \u201COrder the leaflets\u201D", text, StringComparison.Ordinal);
        Assert.Contains("already made", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var state = await fixture.Host.LoadGroupAsync(activities.GroupId);
        var action = Assert.Single(state.OfType<ActionItem>());
        Assert.Equal(AlexId, action.Owner?.Id);
        Assert.Equal(new DateOnly(2099, 12, 31), action.Due);
        Assert.Equal(4, action.Step);
        Assert.Equal("Pat Brown", action.FromMessageBy);
        Assert.Equal(new Uri(Link), action.FromMessageLink);
        Assert.Contains(Link, confirmation.Body.ToJsonString(), StringComparison.Ordinal);

        await SendAsync(activities.MessageToBot("actions"));
        var list = await NextForAsync(activities.ConversationId);
        Assert.Contains("from a message by Pat Brown", list.AllText(), StringComparison.Ordinal);
        var link = Find(list.Card(), n => (string?)n["type"] == "TextRun" && n["selectAction"] is not null)!;
        Assert.Equal("from a message by Pat Brown", (string?)link["text"]);
        Assert.Equal(Link, (string?)link["selectAction"]!["url"]);
    }

    [Fact]
    public async Task SubmitAction_EmptyTitleAndBadDate_DialogStaysOpenWithErrors()
    {
        var activities = await GroupWithAlexAsync();
        var data = SubmitData(DialogCard(await FetchAsync(activities, "<p>Order the leaflets</p>")));
        data[ActionVerbs.TitleKey] = "   ";
        data[ActionVerbs.DueKey] = "2000-01-01";

        var body = await ReadAsync(await SendAsync(SubmitAction(activities, data)));

        var json = DialogCard(body).ToJsonString();
        Assert.Contains("Please say what needs doing.", json, StringComparison.Ordinal);
        Assert.Contains("has passed", json, StringComparison.Ordinal);
        Assert.Empty((await fixture.Host.LoadGroupAsync(activities.GroupId)).OfType<ActionItem>());
    }

    [Fact]
    public async Task SubmitAction_DialogFromAnotherConversation_RefusedAndNothingMade()
    {
        var first = await GroupWithAlexAsync();
        var other = await GroupWithAlexAsync();
        var data = SubmitData(DialogCard(await FetchAsync(first, "<p>Order the leaflets</p>")));

        var body = await ReadAsync(await SendAsync(SubmitAction(other, data)));

        Assert.Equal(Messages.ForeignCard, (string?)body["task"]?["value"]);
        Assert.Empty((await fixture.Host.LoadGroupAsync(first.GroupId)).OfType<ActionItem>());
        Assert.Empty((await fixture.Host.LoadGroupAsync(other.GroupId)).OfType<ActionItem>());
    }

    [Fact]
    public async Task FetchTask_MessageWithNoText_FormAsksWhatNeedsDoing()
    {
        var activities = await GroupWithAlexAsync();

        var content = DialogCard(await FetchAsync(activities, "<img src=\"https://example.org/a.png\"/>"));

        Assert.Equal(string.Empty, InputValue(content, ActionVerbs.TitleKey));
        Assert.Contains("has no text", content.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchTask_TenThousandCharacterMessage_TitleCutToTheLimit()
    {
        var activities = await GroupWithAlexAsync();

        var content = DialogCard(await FetchAsync(activities, "<p>" + new string('a', 10_000) + "</p>"));

        var title = InputValue(content, ActionVerbs.TitleKey)!;
        Assert.True(title.Length <= ActionItem.MaxTitleLength, $"title of {title.Length} characters");
        Assert.True(title.Length > 100);
    }

    [Fact]
    public async Task FetchTask_ConversationWithoutAPlan_SaysHowToAddTheBotAndOffersStart()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());

        var content = DialogCard(await FetchAsync(activities, "<p>Order the leaflets</p>"));

        Assert.Contains("has no plan yet", content.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("add PlanBot from the chat", content.ToJsonString(), StringComparison.Ordinal);
        var start = Find(content, n => (string?)n["type"] == "Action.Submit")!;
        Assert.Equal("Start our plan", (string?)start["title"]);
        Assert.Empty((await fixture.Host.LoadGroupAsync(activities.GroupId)).OfType<ActionItem>());
    }

    [Fact]
    public async Task SubmitAction_StartOurPlanInTheDialog_PostsTheStartFormAndClosesTheDialog()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        var content = DialogCard(await FetchAsync(activities, "<p>Order the leaflets</p>"));
        var data = Find(content, n => (string?)n["type"] == "Action.Submit")!["data"]!.AsObject();

        var response = await SendAsync(SubmitAction(activities, data));

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var form = await NextForAsync(activities.ConversationId);
        Assert.NotNull(CardReading.ActionData(form.Card(), "plan.create"));
    }

    [Fact]
    public async Task SubmitAction_StepOutsideTheNine_DialogStaysOpenWithTheError()
    {
        var activities = await GroupWithAlexAsync();
        var data = SubmitData(DialogCard(await FetchAsync(activities, "<p>Order the leaflets</p>")));
        data[ActionVerbs.StepKey] = "12";

        var body = await ReadAsync(await SendAsync(SubmitAction(activities, data)));

        Assert.Contains("Please pick one of the nine steps.", DialogCard(body).ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await fixture.Host.LoadGroupAsync(activities.GroupId)).OfType<ActionItem>());
    }

    [Fact]
    public async Task FetchTask_PersonalChat_ExplainsActionsBelongToAGroup()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, $"a:{Guid.NewGuid():N}", conversationType: "personal");

        var body = await FetchAsync(activities, "<p>Order the leaflets</p>");

        Assert.Equal(MessageActionCommand.PersonalChat, (string?)body["task"]?["value"]);
    }

    private async Task<TeamsActivities> GroupWithAlexAsync()
    {
        var activities = new TeamsActivities(fixture.Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        await SendAsync(activities.MessageToBot("start"));
        var form = await NextForAsync(activities.ConversationId);
        var create = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        await SendAsync(activities.Invoke("plan.create", create, inputs, replyToId: "1700000000500"));
        await NextForAsync(activities.ConversationId);

        await SendAsync(activities.MessageToBot("help", AlexId, AlexName));
        await NextForAsync(activities.ConversationId);
        await fixture.Host.Services.GetRequiredService<IRosterStore>()
            .PutAsync(activities.GroupId, [new RosterPerson(AlexId, AlexName) { AadObjectId = AlexAad }]);
        return activities;
    }

    private static JsonObject MentionOfAlex() => new()
    {
        ["id"] = 0,
        ["mentionText"] = AlexName,
        ["mentioned"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = AlexAad, ["displayName"] = AlexName, ["userIdentityType"] = "aadUser" },
        },
    };

    private static JsonObject MessagePayload(string html, params JsonObject[] mentions)
    {
        var list = new JsonArray();
        foreach (var mention in mentions)
        {
            list.Add(mention);
        }

        return new JsonObject
        {
            ["id"] = "1700000000999",
            ["messageType"] = "message",
            ["createdDateTime"] = "2026-12-01T10:00:00.000Z",
            ["importance"] = "normal",
            ["locale"] = "en-gb",
            ["linkToMessage"] = Link,
            ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "aad-pat", ["displayName"] = "Pat Brown", ["userIdentityType"] = "aadUser" } },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
            ["attachments"] = new JsonArray(),
            ["mentions"] = list,
            ["reactions"] = new JsonArray(),
        };
    }

    private async Task<JsonObject> FetchAsync(TeamsActivities activities, string html, params JsonObject[] mentions)
    {
        var activity = activities.Base("invoke", "29:sam", "Sam Jones");
        activity["name"] = "composeExtension/fetchTask";
        activity["value"] = new JsonObject
        {
            ["commandId"] = "makeAction",
            ["commandContext"] = "message",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["messagePayload"] = MessagePayload(html, mentions),
        };
        return await ReadAsync(await SendAsync(activity));
    }

    private static JsonObject SubmitAction(TeamsActivities activities, JsonObject data)
    {
        var activity = activities.Base("invoke", "29:sam", "Sam Jones");
        activity["name"] = "composeExtension/submitAction";
        activity["value"] = new JsonObject
        {
            ["commandId"] = "makeAction",
            ["commandContext"] = "message",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["data"] = data.DeepClone(),
            ["messagePayload"] = MessagePayload("<p>Order the leaflets</p>"),
        };
        return activity;
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject DialogCard(JsonObject body)
    {
        Assert.Equal("continue", (string?)body["task"]?["type"]);
        return body["task"]!["value"]!["card"]!["content"]!.AsObject();
    }

    // What Teams sends for the dialog's Action.Submit: the action's data with the inputs' values beside it.
    private static JsonObject SubmitData(JsonObject card)
    {
        var submit = Find(card, n => (string?)n["type"] == "Action.Submit")!;
        var data = submit["data"]!.DeepClone().AsObject();
        foreach (var id in new[] { ActionVerbs.TitleKey, ActionVerbs.OwnerKey, ActionVerbs.DueKey, ActionVerbs.StepKey })
        {
            data[id] = InputValue(card, id) ?? string.Empty;
        }

        return data;
    }

    private static string? InputValue(JsonObject card, string id) =>
        (string?)Find(card, n => (string?)n["id"] == id && ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)?["value"];

    private static JsonObject? Find(JsonNode? node, Func<JsonObject, bool> match)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _) && match(obj))
                {
                    return obj;
                }

                foreach (var (_, child) in obj)
                {
                    if (Find(child, match) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(item => Find(item, match)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
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
