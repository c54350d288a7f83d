using System.Runtime.CompilerServices;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging.Abstractions;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Meetings;

public sealed class MeetingAutoCloserTests
{
    [Fact]
    public async Task RunOnce_MeetingOpenSixHours_ClosesItAndPostsMinutesMarkedAutomatic()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        await chat.Send(Bob, "decision paint the bus shelter");
        var meeting = await chat.OpenMeeting();
        var index = new FakeOpenMeetingIndex(new OpenMeetingEntry(chat.GroupId, meeting.Id, meeting.StartedAt));
        var messenger = new FakeMessenger();
        var closer = Closer(chat, index, messenger);

        chat.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await closer.RunOnceAsync());
        Assert.Empty(messenger.Sent);

        chat.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await closer.RunOnceAsync());

        var state = await chat.Stored();
        Assert.Null(state.OpenMeeting());
        var closed = state.Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!;
        Assert.True(closed.ClosedAutomatically);
        var minutes = state.Find<MinutesRecord>(MinutesRecord.KeyFor(meeting.Id))!;
        Assert.True(minutes.Summary.ClosedAutomatically);
        Assert.Contains("automatically", minutes.Markdown, StringComparison.Ordinal);
        var sent = Assert.Single(messenger.Sent);
        Assert.Contains("Nobody ended the meeting", sent.Text, StringComparison.Ordinal);
        Assert.Contains("paint the bus shelter", Replies.Flatten(sent), StringComparison.Ordinal);
        Assert.Contains("Closed automatically", Replies.Flatten(sent), StringComparison.Ordinal);
        Assert.Empty(index.Entries);

        // A second pass finds nothing to do.
        Assert.Equal(0, await closer.RunOnceAsync());
        Assert.Single(messenger.Sent);
    }

    [Fact]
    public async Task RunOnce_MeetingAlreadyEnded_DropsTheStaleEntryAndPostsNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        var meeting = await chat.OpenMeeting();
        await chat.Send(Ann, "meeting end");
        var index = new FakeOpenMeetingIndex(new OpenMeetingEntry(chat.GroupId, meeting.Id, meeting.StartedAt));
        var messenger = new FakeMessenger();
        chat.Clock.Advance(TimeSpan.FromHours(7));

        Assert.Equal(0, await Closer(chat, index, messenger).RunOnceAsync());

        Assert.Empty(index.Entries);
        Assert.Empty(messenger.Sent);
        Assert.False((await chat.Stored()).Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!.ClosedAutomatically);
    }

    [Fact]
    public async Task RunOnce_SomeoneChangesTheGroupMeanwhile_RunsAgainAndKeepsTheirChange()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        var meeting = await chat.OpenMeeting();
        var index = new FakeOpenMeetingIndex(new OpenMeetingEntry(chat.GroupId, meeting.Id, meeting.StartedAt));
        var messenger = new FakeMessenger();
        chat.Clock.Advance(TimeSpan.FromHours(6));

        // The closer's first save meets Bob's late decision (written in between), and tries again with it.
        chat.Memory.BeforeNextSave = () =>
        {
            var late = chat.Store.LoadAsync(chat.GroupId).GetAwaiter().GetResult();
            late.Put(new DecisionRecord(meeting.Id, "zz", "a late decision", Bob, chat.Clock.GetUtcNow()));
            late.Put(late.Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!);
            Assert.Equal(SaveOutcome.Saved, chat.Store.SaveAsync(late, null).GetAwaiter().GetResult());
        };

        Assert.Equal(1, await Closer(chat, index, messenger).RunOnceAsync());

        var minutes = (await chat.Stored()).Find<MinutesRecord>(MinutesRecord.KeyFor(meeting.Id))!;
        Assert.Equal("a late decision", Assert.Single(minutes.Summary.Decisions).Text);
        Assert.Single(messenger.Sent);
    }

    [Fact]
    public async Task RunOnce_NoConversationReference_ClosesButCannotPost()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        var meeting = await chat.OpenMeeting();
        var messenger = new FakeMessenger();
        chat.Clock.Advance(TimeSpan.FromHours(6));

        Assert.Equal(1, await Closer(chat, new FakeOpenMeetingIndex(new OpenMeetingEntry(chat.GroupId, meeting.Id, meeting.StartedAt)), messenger, withAddress: false).RunOnceAsync());
        Assert.Empty(messenger.Sent);
        Assert.Null((await chat.Stored()).OpenMeeting());
    }

    private static MeetingAutoCloser Closer(ScriptedConversation chat, FakeOpenMeetingIndex index, FakeMessenger messenger, bool withAddress = true) =>
        new(index, withAddress ? new AddressedStore(chat.Store) : chat.Store, [messenger], new NoLinks(), chat.Clock, NullLogger<MeetingAutoCloser>.Instance);

    // The scripted turns carry no channel address, and the shared in-memory store knows only Domain records,
    // so the group's conversation reference is added as each state is loaded.
    private sealed class AddressedStore(IGroupStore inner) : IGroupStore
    {
        public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
        {
            var state = await inner.LoadAsync(groupId, cancellationToken);
            state.Load(new ConversationReferenceRecord("msteams", new Dictionary<string, string> { ["serviceUrl"] = "https://smba.trafficmanager.net/uk/" }), "v");
            return state;
        }

        public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default) => inner.SaveAsync(state, turnId, nonce, cancellationToken);
    }

    private sealed class NoLinks : IMinutesLinks
    {
        public Uri? For(string groupId, string meetingId, DateTimeOffset now) => null;

        public Uri? WordFor(string groupId, string meetingId, DateTimeOffset now) => null;
    }
}

/// <summary>An open-meetings index in memory.</summary>
internal sealed class FakeOpenMeetingIndex(params OpenMeetingEntry[] entries) : IOpenMeetingIndex
{
    public List<OpenMeetingEntry> Entries { get; } = [.. entries];

    public async IAsyncEnumerable<OpenMeetingEntry> StartedBeforeAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var entry in Entries.Where(e => e.StartedAt <= cutoff).ToList())
        {
            yield return entry;
        }
    }

    public Task RemoveAsync(OpenMeetingEntry entry, CancellationToken cancellationToken = default)
    {
        Entries.Remove(entry);
        return Task.CompletedTask;
    }
}

/// <summary>A messenger that records what it was asked to send.</summary>
internal sealed class FakeMessenger : IProactiveMessenger
{
    public List<Reply> Sent { get; } = [];

    public bool Serves(string channel) => channel == "msteams";

    public Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default)
    {
        Sent.Add(reply);
        return Task.FromResult(ProactiveResult.Sent);
    }

    public Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default) =>
        Task.FromResult(ProactiveResult.Sent);
}
