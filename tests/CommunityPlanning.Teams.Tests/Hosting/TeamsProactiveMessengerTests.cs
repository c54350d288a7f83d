using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;
using CommunityPlanning.Teams.Tests.Connector;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Teams.Tests.Hosting;

public sealed class TeamsProactiveMessengerTests : IAsyncLifetime
{
    private const string Channel = "19:planning@thread.tacv2";
    private readonly InMemoryPersonalConversationStore _people = new();
    private readonly MemberRef _sam = new("29:sam", "Sam Jones");
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendToGroupAsync_StoredReference_PostsInThatConversation()
    {
        var result = await Messenger().SendToGroupAsync(GroupReference(), Reply.Say("Reminder: the hall booking is due Fri 14 Mar 2025."));

        Assert.Equal(ProactiveResult.Sent, result);
        var call = await _harness.Fake.NextAsync();
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{Channel}/activities", call.Path);
        Assert.Equal("Bearer test-token", call.Authorization);
        Assert.Equal(Channel, (string?)call.Body["conversation"]!["id"]);
        Assert.Equal("28:bot", (string?)call.Body["from"]!["id"]);
        Assert.Contains("hall booking", (string?)call.Body["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToMemberAsync_NoStoredChat_CreatesOneToOneChatThenSends()
    {
        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Your action is due tomorrow."));

        Assert.Equal(ProactiveResult.Sent, result);
        var create = await _harness.Fake.NextAsync();
        Assert.Equal("POST", create.Method);
        Assert.Equal("/v3/conversations", create.Path);
        Assert.False((bool)create.Body["isGroup"]!);
        Assert.Equal("29:sam", (string?)create.Body["members"]![0]!["id"]);
        Assert.Equal("tenant-1", (string?)create.Body["tenantId"]);
        Assert.Equal("tenant-1", (string?)create.Body["channelData"]!["tenant"]!["id"]);
        Assert.Equal("28:bot", (string?)create.Body["bot"]!["id"]);

        var send = await _harness.Fake.NextAsync();
        Assert.Equal("/v3/conversations/sent-1/activities", send.Path);
        Assert.Contains("due tomorrow", (string?)send.Body["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToMemberAsync_AfterCreatingChat_RemembersIt()
    {
        await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("One."));
        await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Two."));

        var paths = _harness.Fake.All.Select(c => c.Path).ToList();
        Assert.Equal(["/v3/conversations", "/v3/conversations/sent-1/activities", "/v3/conversations/sent-1/activities"], paths);
        Assert.Equal("sent-1", _people.Saved[("msteams", "tenant-1", "29:sam")].Address[TeamsAddress.ConversationId]);
    }

    [Fact]
    public async Task SendToMemberAsync_StoredPersonalChat_SendsThereWithoutCreating()
    {
        await _people.SaveAsync(Personal("a:1sam-personal"));

        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Your action is due tomorrow."));

        Assert.Equal(ProactiveResult.Sent, result);
        var call = Assert.Single(_harness.Fake.All);
        Assert.Equal("/v3/conversations/a:1sam-personal/activities", call.Path);
    }

    [Fact]
    public async Task SendToMemberAsync_StoredChatGone_CreatesAFreshOne()
    {
        await _people.SaveAsync(Personal("a:1old"));
        _harness.Fake.AnswerNext(404, body: "{\"error\":{\"code\":\"ConversationNotFound\"}}");

        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Hello."));

        Assert.Equal(ProactiveResult.Sent, result);
        Assert.Equal(["/v3/conversations/a:1old/activities", "/v3/conversations", "/v3/conversations/sent-1/activities"], _harness.Fake.All.Select(c => c.Path));
    }

    [Fact]
    public async Task SendToMemberAsync_BotNotInConversationRoster_RecipientUnreachableWithoutRetry()
    {
        _harness.Fake.AnswerNext(403, body: "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}");

        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Hello."));

        Assert.Equal(ProactiveResult.RecipientUnreachable, result);
        Assert.Single(_harness.Fake.All);
        Assert.Empty(_people.Saved);
    }

    [Fact]
    public async Task SendToMemberAsync_StoredChatUninstalled_RecipientUnreachable()
    {
        await _people.SaveAsync(Personal("a:1sam-personal"));
        _harness.Fake.AnswerNext(403, body: "{\"error\":{\"code\":\"BotNotInConversationRoster\"}}");

        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Hello."));

        Assert.Equal(ProactiveResult.RecipientUnreachable, result);
        Assert.Single(_harness.Fake.All);
    }

    [Fact]
    public async Task SendToMemberAsync_StoreDown_StillReachesThemByCreatingTheChat()
    {
        _people.Fail = true;

        var result = await Messenger().SendToMemberAsync(GroupReference(), _sam, Reply.Say("Hello."));

        Assert.Equal(ProactiveResult.Sent, result);
        Assert.Equal(2, _harness.Fake.All.Count);
    }

    [Fact]
    public async Task SendToGroupAsync_ServerKeepsFailing_Failed()
    {
        _harness.Fake.AnswerNext(400);

        var result = await Messenger().SendToGroupAsync(GroupReference(), Reply.Say("Hello."));

        Assert.Equal(ProactiveResult.Failed, result);
    }

    [Fact]
    public void Serves_EverythingButSlack()
    {
        Assert.True(Messenger().Serves("msteams"));
        Assert.True(Messenger().Serves("webchat"));
        Assert.False(Messenger().Serves("slack"));
    }

    private TeamsProactiveMessenger Messenger() => new(
        _harness.Client,
        new ReplyActivityBuilder(new AdaptiveCardRenderer()),
        TimeProvider.System,
        NullLogger<TeamsProactiveMessenger>.Instance,
        _people);

    private ConversationReferenceRecord GroupReference() => new("msteams", Address(Channel));

    private PersonalConversation Personal(string conversationId) => new("msteams", "tenant-1", "29:sam", Address(conversationId), DateTimeOffset.UtcNow);

    private Dictionary<string, string> Address(string conversationId) => new()
    {
        [TeamsAddress.ServiceUrl] = _harness.Fake.ServiceUrl,
        [TeamsAddress.ConversationId] = conversationId,
        [TeamsAddress.TenantId] = "tenant-1",
        [TeamsAddress.ChannelId] = "msteams",
        [TeamsAddress.BotId] = "28:bot",
        [TeamsAddress.BotName] = "PlanBot",
    };
}
