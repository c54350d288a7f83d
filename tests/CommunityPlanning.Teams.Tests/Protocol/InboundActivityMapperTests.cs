using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Teams.Tests.Protocol;

public sealed class InboundActivityMapperTests
{
    private const string ChannelId = "19:planning@thread.tacv2";
    private readonly InboundActivityMapper _mapper = new(new AdaptiveCardSubmissionReader(), new MessageActionReader(new AdaptiveCardSubmissionReader()), TimeProvider.System);

    [Fact]
    public void Map_ChannelMessageWithMentions_StripsBotAndKeepsOthersAsMentions()
    {
        var activity = TeamsJson.Activity("""
            {
              "type": "message", "id": "1700000000001", "channelId": "msteams",
              "serviceUrl": "https://smba.trafficmanager.net/emea/",
              "from": { "id": "29:chair", "name": "Pat Chair" },
              "recipient": { "id": "28:bot", "name": "PlanBot" },
              "conversation": { "id": "19:planning@thread.tacv2;messageid=1700000000001", "conversationType": "channel", "tenantId": "tenant-1" },
              "text": "<at>PlanBot</at> action <at>Sam Jones</at> book the hall with <at>Ann</at>",
              "entities": [
                { "type": "mention", "text": "<at>PlanBot</at>", "mentioned": { "id": "28:bot", "name": "PlanBot" } },
                { "type": "mention", "text": "<at>Sam Jones</at>", "mentioned": { "id": "29:sam", "name": "Sam Jones" } },
                { "type": "mention", "text": "<at>Ann</at>", "mentioned": { "id": "29:ann", "name": "Ann" } },
                { "type": "clientInfo", "locale": "en-GB" }
              ]
            }
            """);

        var turn = Map(activity);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("action Sam Jones book the hall with Ann", turn.Text);
        Assert.Equal([new MemberRef("29:sam", "Sam Jones"), new MemberRef("29:ann", "Ann")], turn.Mentions);
        Assert.Equal(new MemberRef("29:chair", "Pat Chair"), turn.From);
    }

    [Fact]
    public void Map_ThreadReply_GroupIsTheChannelAndAddressIsTheChannel()
    {
        var turn = Map(Message("progress", conversationId: ChannelId + ";messageid=1700000000001"));

        Assert.Equal(ChannelId, turn.Conversation.Conversation);
        Assert.Equal(ChannelId, turn.Address[TeamsAddress.ConversationId]);
        Assert.Equal("https://smba.trafficmanager.net/emea/", turn.Address[TeamsAddress.ServiceUrl]);
        Assert.Equal("tenant-1", turn.Address[TeamsAddress.TenantId]);
        Assert.Equal("28:bot", turn.Address[TeamsAddress.BotId]);
        Assert.Equal("msteams", turn.Address[TeamsAddress.ChannelId]);
    }

    [Fact]
    public void Map_MentionWithoutEntity_IsNotTrustedAsAPerson()
    {
        var turn = Map(Message("<at>Sam</at> progress"));

        Assert.Equal("Sam progress", turn.Text);
        Assert.Empty(turn.Mentions);
    }

    [Fact]
    public void Map_MentionTokenCharactersInText_AreRemoved()
    {
        var turn = Map(Message($"progress {MentionText.Token(0)}"));

        Assert.Equal("progress 0", turn.Text);
    }

    [Theory]
    [InlineData("application/vnd.microsoft.meetingStart", TurnKind.MeetingStarted)]
    [InlineData("application/vnd.microsoft.meetingEnd", TurnKind.MeetingEnded)]
    public void Map_MeetingEvent_MapsToMeetingTurn(string name, TurnKind expected)
    {
        var activity = Message(null);
        activity.Type = "event";
        activity.Name = name;
        activity.Conversation!.ConversationType = "groupChat";

        var turn = Map(activity);

        Assert.Equal(expected, turn.Kind);
    }

    [Fact]
    public void Map_OtherEvent_IsIgnored()
    {
        var activity = Message(null);
        activity.Type = "event";
        activity.Name = "application/vnd.microsoft.readReceipt";

        Assert.Null(_mapper.Map(activity, out var problem));
        Assert.Equal(InboundProblem.Ignored, problem);
    }

    [Fact]
    public void Map_BotAddedToChannel_IsBotAdded()
    {
        var activity = Message(null);
        activity.Type = "conversationUpdate";
        activity.MembersAdded = [new ChannelAccount { Id = "28:bot" }];

        Assert.Equal(TurnKind.BotAdded, Map(activity).Kind);
    }

    [Fact]
    public void Map_MembersAdded_ListsThem()
    {
        var activity = Message(null);
        activity.Type = "conversationUpdate";
        activity.MembersAdded = [new ChannelAccount { Id = "29:sam", Name = "Sam Jones" }, new ChannelAccount { Id = "29:ann" }];

        var turn = Map(activity);

        Assert.Equal(TurnKind.MembersAdded, turn.Kind);
        Assert.Equal([new MemberRef("29:sam", "Sam Jones"), new MemberRef("29:ann", "Someone")], turn.MembersChanged);
    }

    [Fact]
    public void Map_MembersRemoved_ListsThem()
    {
        var activity = Message(null);
        activity.Type = "conversationUpdate";
        activity.MembersRemoved = [new ChannelAccount { Id = "29:sam", Name = "Sam Jones" }];

        var turn = Map(activity);

        Assert.Equal(TurnKind.MembersRemoved, turn.Kind);
        Assert.Equal([new MemberRef("29:sam", "Sam Jones")], turn.MembersChanged);
    }

    [Fact]
    public void Map_BotInMembersRemoved_IsBotRemoved()
    {
        var activity = Message(null);
        activity.Type = "conversationUpdate";
        activity.MembersRemoved = [new ChannelAccount { Id = "u-2" }, new ChannelAccount { Id = "28:bot" }];

        Assert.Equal(TurnKind.BotRemoved, _mapper.Map(activity, out _)!.Kind);
    }

    [Fact]
    public void Map_InstallationUpdateRemove_IsBotRemoved()
    {
        var activity = Message(null);
        activity.Type = "installationUpdate";
        activity.Action = "remove";

        Assert.Equal(TurnKind.BotRemoved, _mapper.Map(activity, out _)!.Kind);
    }

    [Fact]
    public void Map_PersonalInstall_IsBotAddedInAPersonalChat()
    {
        var activity = Message(null, conversationId: "a:1personal");
        activity.Type = "installationUpdate";
        activity.Action = "add";
        activity.Conversation!.ConversationType = "personal";

        var turn = Map(activity);

        Assert.Equal(TurnKind.BotAdded, turn.Kind);
        Assert.True(turn.IsPersonal);
        Assert.Equal("a:1personal", turn.Address[TeamsAddress.ConversationId]);
    }

    [Fact]
    public void Map_TenantOnlyInChannelData_IsRead()
    {
        var activity = TeamsJson.Activity("""
            {
              "type": "message", "id": "1", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/emea/",
              "from": { "id": "29:sam", "name": "Sam" }, "recipient": { "id": "28:bot" },
              "conversation": { "id": "a:1personal", "conversationType": "personal" },
              "channelData": { "tenant": { "id": "tenant-9" } },
              "text": "help"
            }
            """);

        var turn = Map(activity);

        Assert.Equal("tenant-9", turn.Conversation.Tenant);
        Assert.True(turn.IsPersonal);
    }

    [Fact]
    public void Map_MentionAndTenantFieldsOfTheWrongKind_ReadAsAbsentNotThrown()
    {
        // Numbers, arrays and objects where strings belong: each is "absent", so the turn still maps.
        var activity = TeamsJson.Activity("""
            {
              "type": "message", "id": "1700000000009", "channelId": "msteams",
              "serviceUrl": "https://smba.trafficmanager.net/emea/",
              "from": { "id": "29:chair", "name": "Pat Chair" },
              "recipient": { "id": "28:bot", "name": "PlanBot" },
              "conversation": { "id": "19:planning@thread.tacv2" },
              "channelData": { "tenant": { "id": 42 } },
              "text": "<at>PlanBot</at> progress with <at>Sam</at>",
              "entities": [
                { "type": 7, "text": "<at>PlanBot</at>", "mentioned": { "id": "28:bot" } },
                { "type": "mention", "text": ["<at>Sam</at>"], "mentioned": { "id": { "x": 1 }, "name": 5 } },
                { "type": "mention", "text": "<at>Sam</at>", "mentioned": { "id": "29:sam", "name": ["Sam"] } }
              ]
            }
            """);

        var turn = Map(activity);

        Assert.Equal(string.Empty, turn.Conversation.Tenant);
        Assert.Equal([new MemberRef("29:sam", "Someone")], turn.Mentions);
    }

    private Turn Map(Activity activity)
    {
        var turn = _mapper.Map(activity, out var problem);
        Assert.True(turn is not null, problem.ToString());
        return turn;
    }

    private static Activity Message(string? text, string conversationId = ChannelId) => new()
    {
        Type = "message",
        Id = "1700000000001",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:chair", Name = "Pat Chair" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "PlanBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", TenantId = "tenant-1" },
        Text = text,
    };
}

internal static class TeamsJson
{
    public static Activity Activity(string json) => ActivityJson.Read(System.Text.Encoding.UTF8.GetBytes(json))!;
}
