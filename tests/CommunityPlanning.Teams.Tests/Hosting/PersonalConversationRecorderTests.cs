using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Teams.Tests.Hosting;

public sealed class PersonalConversationRecorderTests
{
    private readonly InMemoryPersonalConversationStore _people = new();

    [Fact]
    public async Task RecordAsync_PersonalInstall_StoresTheChatForThatPerson()
    {
        await Recorder().RecordAsync(Turn(TurnKind.BotAdded, personal: true));

        var stored = _people.Saved[("msteams", "tenant-1", "29:sam")];
        Assert.Equal("a:1sam", stored.Address[TeamsAddress.ConversationId]);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.Address[TeamsAddress.ServiceUrl]);
    }

    [Fact]
    public async Task RecordAsync_GroupConversation_StoresNothing()
    {
        await Recorder().RecordAsync(Turn(TurnKind.BotAdded, personal: false));

        Assert.Empty(_people.Saved);
    }

    [Fact]
    public async Task RecordAsync_PrivateMessages_WrittenOncePerChat()
    {
        var recorder = Recorder();

        await recorder.RecordAsync(Turn(TurnKind.Message, personal: true));
        await recorder.RecordAsync(Turn(TurnKind.Message, personal: true));
        await recorder.RecordAsync(Turn(TurnKind.Message, personal: true, conversationId: "a:1sam-new"));

        Assert.Equal(2, _people.Saves);
        Assert.Equal("a:1sam-new", _people.Saved[("msteams", "tenant-1", "29:sam")].Address[TeamsAddress.ConversationId]);
    }

    [Fact]
    public async Task RecordAsync_InstallAgain_AlwaysWritten()
    {
        var recorder = Recorder();

        await recorder.RecordAsync(Turn(TurnKind.BotAdded, personal: true));
        await recorder.RecordAsync(Turn(TurnKind.BotAdded, personal: true));

        Assert.Equal(2, _people.Saves);
    }

    [Fact]
    public async Task RecordAsync_StoreFails_DoesNotThrow()
    {
        _people.Fail = true;

        await Recorder().RecordAsync(Turn(TurnKind.BotAdded, personal: true));

        Assert.Empty(_people.Saved);
    }

    [Fact]
    public async Task RecordAsync_NoStoreRegistered_DoesNothing()
    {
        var recorder = new PersonalConversationRecorder(TimeProvider.System, NullLogger<PersonalConversationRecorder>.Instance);

        await recorder.RecordAsync(Turn(TurnKind.BotAdded, personal: true));
    }

    private PersonalConversationRecorder Recorder() => new(TimeProvider.System, NullLogger<PersonalConversationRecorder>.Instance, _people);

    private static Turn Turn(TurnKind kind, bool personal, string conversationId = "a:1sam") => new()
    {
        Kind = kind,
        Conversation = new ConversationKey("msteams", "tenant-1", conversationId),
        From = new MemberRef("29:sam", "Sam Jones"),
        IsPersonal = personal,
        Address = new Dictionary<string, string>
        {
            [TeamsAddress.ServiceUrl] = "https://smba.trafficmanager.net/emea/",
            [TeamsAddress.ConversationId] = conversationId,
            [TeamsAddress.TenantId] = "tenant-1",
            [TeamsAddress.ChannelId] = "msteams",
        },
    };
}
