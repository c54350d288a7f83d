using CommunityPlanning.Testing;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Conversations.Tests.Actions;

/// <summary>A clock tests move by hand.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>An assignee index tests fill by hand.</summary>
internal sealed class FakeAssigneeIndex : IAssigneeIndex
{
    public Dictionary<string, List<AssignedAction>> Rows { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<AssignedAction>> ForOwnerAsync(string ownerKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AssignedAction>>(Rows.TryGetValue(ownerKey, out var rows) ? rows : []);
}

/// <summary>A meeting source with a fixed next meeting.</summary>
internal sealed class FixedMeeting(DateTimeOffset? next) : INextMeetingSource
{
    public DateTimeOffset? NextMeeting(Domain.State.GroupState state, DateTimeOffset now) => next;
}

/// <summary>
/// The turn pipeline as AddConversations wires it (same features, same order), over an in-memory store,
/// with helpers that read like a script: Say, Press.
/// </summary>
internal sealed class ActionHarness
{
    public static readonly MemberRef Chair = new("29:chair", "Pat Chair");
    public static readonly MemberRef Sam = new("29:sam", "Sam");
    public static readonly MemberRef Alex = new("29:alex", "Alex Smith");

    // Monday 10 March 2025, 10:00 GMT.
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private int _turns;

    public ActionHarness(
        InMemoryGroupStore? memory = null,
        Func<IGroupStore, IGroupStore>? wrap = null,
        DateTimeOffset? nextMeeting = null,
        IStorageReadiness? readiness = null,
        Outbox.IOutboxStore? pending = null,
        IReadOnlyList<Outbox.IIndexProjection>? projections = null)
    {
        Memory = memory ?? new InMemoryGroupStore();
        Store = wrap is null ? Memory : wrap(Memory);
        var meetings = new FixedMeeting(nextMeeting);
        var list = new ActionListCommand(Index);
        var update = new ActionUpdateCommand(meetings);
        var digest = new DigestCommand();
        var create = new CreateActionCommand(meetings);
        var buttons = new ActionButtons();
        var help = new HelpCommand([]);
        var start = new StartPlan();
        var progress = new ProgressCommand(new NoProgressPictures());
        var checklist = new ChecklistFeature();
        var router = new TurnRouter(
            [help, start, progress, checklist, list, update, digest, create],
            [start, progress, checklist, list, create, buttons],
            [start],
            [create],
            []);
        Processor = new TurnProcessor(
            Store, router, new Outbox.OutboxWriter(projections ?? [], new Outbox.OutboxOptions()), Clock, NullLogger<TurnProcessor>.Instance, pending, readiness: readiness);
    }

    public InMemoryGroupStore Memory { get; }

    public IGroupStore Store { get; }

    public TestClock Clock { get; } = new(Start);

    public FakeAssigneeIndex Index { get; } = new();

    public TurnProcessor Processor { get; }

    public ConversationKey Conversation { get; } = new("msteams", "tenant-1", "19:steering@thread.tacv2");

    public string GroupId => Conversation.GroupId;

    public IReadOnlyList<ActionItem> Actions => Memory.All<ActionItem>(GroupId).OrderBy(a => a.Id).ToList();

    public ActionItem Action(int id) => Actions.Single(a => a.Id == id);

    /// <summary>Seeds a plan on step 4 with the chair and Sam as members.</summary>
    public async Task<ActionHarness> WithPlanAsync()
    {
        var state = await Memory.LoadAsync(GroupId);
        state.Put(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 4, Chair, Start));
        state.Put(new MemberRecord(Chair, MemberRole.Chair, Start));
        state.Put(new MemberRecord(Sam, MemberRole.Member, Start));
        await Memory.SaveAsync(state, null);
        return this;
    }

    public Task<IReadOnlyList<Reply>> SayAsync(MemberRef from, string text, params MemberRef[] mentions) =>
        SayAsync(from, text, MentionCheck.Unchecked, mentions);

    /// <summary>A message whose mentions the channel's roster checked (as the adapter's mention check would).</summary>
    public async Task<IReadOnlyList<Reply>> SayAsync(MemberRef from, string text, MentionCheck check, params MemberRef[] mentions)
    {
        var outcome = await Processor.ProcessAsync(new Turn
        {
            Kind = TurnKind.Message,
            Conversation = Conversation,
            From = from,
            Text = text,
            Mentions = mentions,
            MentionChecks = mentions.ToDictionary(m => m.Id, _ => check),
            TurnId = "turn-" + Interlocked.Increment(ref _turns),
            Timestamp = Clock.Now,
        });
        return outcome.Replies;
    }

    public async Task<IReadOnlyList<Reply>> PressAsync(MemberRef from, CardAction button, params (string Id, string Value)[] inputs)
    {
        var outcome = await Processor.ProcessAsync(new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = Conversation,
            From = from,
            Submission = new Submission(button.Verb, button.Data, inputs.ToDictionary(i => i.Id, i => i.Value)),
            TurnId = "turn-" + Interlocked.Increment(ref _turns),
            Timestamp = Clock.Now,
        });
        return outcome.Replies;
    }
}

/// <summary>Reading replies in tests.</summary>
internal static class ReplyReading
{
    public static Card Card(this IReadOnlyList<Reply> replies) => Assert.Single(replies, r => r.Card is not null).Card!;

    // People named by token read as their names.
    public static string Text(this IReadOnlyList<Reply> replies)
    {
        var reply = Assert.Single(replies, r => r.Text is not null);
        return MentionText.Render(reply.Text!, reply.Mentions, static plain => plain, static person => person.Name);
    }

    public static CardAction Button(this Card card, string title) => Assert.Single(card.Actions, a => a.Title == title);

    public static string Fact(this Card card, string label) =>
        card.Blocks.OfType<FactsBlock>().SelectMany(b => b.Facts).Single(f => f.Label == label).Value;

    public static string AllText(this Card card) =>
        string.Join("\n", new[] { card.Title, card.Subtitle ?? string.Empty }
            .Concat(card.Blocks.OfType<TextBlock>().Select(b => b.Text))
            .Concat(card.Blocks.OfType<FactsBlock>().SelectMany(b => b.Facts).Select(f => $"{f.Label}: {f.Value}")));
}
