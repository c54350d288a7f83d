using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using Microsoft.Extensions.Logging.Abstractions;
using static CommunityPlanning.Storage.Tests.Indexes.IndexFixture;

namespace CommunityPlanning.Storage.Tests.Indexes;

/// <summary>Messages through the real turn pipeline on Azurite, then the reminder dispatcher.</summary>
public sealed class ActionsEndToEndTests
{
    private static readonly ConversationKey Channel = new("msteams", "tenant-1", "19:steering@thread.tacv2");

    private static TurnProcessor Processor(IndexFixture f, bool upgrade = false)
    {
        var meetings = new NoMeetingsPlanned();
        var list = new ActionListCommand(f.Assignees);
        var update = new ActionUpdateCommand(meetings);
        var create = new CreateActionCommand(meetings);
        var buttons = new ActionButtons();
        var start = new StartPlan();
        var router = new TurnRouter([start, list, update, new DigestCommand(), create], [start, list, create, buttons], [start], [create], []);
        return new TurnProcessor(
            f.Store, router, f.Writer, f.Clock, NullLogger<TurnProcessor>.Instance,
            upgrade: upgrade ? new ActionPlanUpgrade(f.Store, f.Writer, NullLogger<ActionPlanUpgrade>.Instance) : null);
    }

    private static Turn Message(IndexFixture f, Domain.Members.MemberRef from, string text, params Domain.Members.MemberRef[] mentions) => new()
    {
        Kind = TurnKind.Message,
        Conversation = Channel,
        From = from,
        Text = text,
        Mentions = mentions,
        TurnId = Guid.NewGuid().ToString("N"),
        Timestamp = f.Clock.GetUtcNow(),
        Address = new Dictionary<string, string> { ["serviceUrl"] = "https://smba.example/uk/", ["conversationId"] = Channel.Conversation },
    };

    [Fact]
    public async Task ActionByMessage_RemindsTheOwnerOnceAndShowsInMyActionsElsewhere()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync(Channel.GroupId);
        var processor = Processor(f);

        var created = await processor.ProcessAsync(Message(f, Chair, "action Sam book the village hall for the open event by Friday", Sam));
        Assert.Equal("Action 1: book the village hall for the open event", Assert.Single(created.Replies).Card!.Title);

        // "my actions" from Sam's one-to-one chat reads the index.
        var personal = await processor.ProcessAsync(Message(f, Sam, "my actions") with { Conversation = new ConversationKey("msteams", "tenant-1", "a:sam-personal"), IsPersonal = true });
        var mine = Assert.Single(personal.Replies).Card!;
        Assert.Contains(mine.Blocks.OfType<Conversations.Cards.FactsBlock>().SelectMany(b => b.Facts), fact => fact.Label == "Action 1: book the village hall for the open event");

        var messenger = new RecordingMessenger();
        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 13, 9, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(f.Dispatcher("a", messenger).RunOnceAsync(), f.Dispatcher("b", messenger).RunOnceAsync());

        var (to, reference, reply) = Assert.Single(messenger.Sent);
        Assert.Equal(Sam.Id, to);
        Assert.Equal(Channel.Conversation, reference.Address["conversationId"]);
        Assert.Contains("for Little Wittering", reply.Text, StringComparison.Ordinal);

        // Done before it becomes overdue: no overdue reminder, and it leaves Sam's list.
        await processor.ProcessAsync(Message(f, Sam, "done 1"));
        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 15, 9, 30, 0, TimeSpan.Zero));
        await f.Dispatcher("a", messenger).RunOnceAsync();
        Assert.Single(messenger.Sent);
        Assert.Empty(await f.Assignees.ForOwnerAsync(KeyOf(Sam)));
    }

    [Fact]
    public async Task OldActionPlanRowWithATargetDate_AfterConversion_RemindsItsLeadAndIsInTheirActions()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync(Channel.GroupId);
        var old = await f.Store.LoadAsync(Channel.GroupId);
        old.Put(new FormRow(5, "actions", "0000000a1", new Dictionary<string, string>
        {
            ["action"] = "Community speed watch", ["type"] = "community", ["lead"] = "Sam", ["target"] = "2025-03-14",
        }, Chair, f.Clock.GetUtcNow()));
        Assert.Equal(Domain.Ports.SaveOutcome.Saved, await f.Store.SaveAsync(old, null));
        var processor = Processor(f, upgrade: true);

        var listed = await processor.ProcessAsync(Message(f, Chair, "actions"));

        Assert.Contains("Action 1: Community speed watch", Assert.Single(listed.Replies).Card!.Blocks.OfType<Conversations.Cards.FactsBlock>().SelectMany(b => b.Facts).Select(x => x.Label));
        Assert.Single(await f.Assignees.ForOwnerAsync(KeyOf(Sam)));
        var messenger = new RecordingMessenger();
        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 13, 9, 0, 0, TimeSpan.Zero));
        await f.Dispatcher("a", messenger).RunOnceAsync();
        var (to, _, reply) = Assert.Single(messenger.Sent);
        Assert.Equal(Sam.Id, to);
        Assert.Contains("Community speed watch", reply.Text ?? reply.Card?.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCreatorsAtOnce_DistinctNumbersOnAzurite()
    {
        var f = new IndexFixture();
        await f.SeedGroupAsync(Channel.GroupId);
        var processor = Processor(f);

        var turns = Enumerable.Range(0, 4).Select(i => Task.Run(() => processor.ProcessAsync(Message(f, Chair, $"action: job {i}"))));
        await Task.WhenAll(turns);

        var state = await f.Store.LoadAsync(Channel.GroupId);
        Assert.Equal([1, 2, 3, 4], state.Actions().Select(a => a.Id).Order());
    }
}
