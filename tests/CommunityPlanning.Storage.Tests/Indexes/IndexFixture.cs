using System.Collections.Concurrent;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Storage.Indexes;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Indexes;

/// <summary>A group store with its indexes on fresh Azurite tables, a fake clock, and helpers to change actions.</summary>
internal sealed class IndexFixture
{
    public static readonly MemberRef Chair = new("29:chair", "Pat Chair");
    public static readonly MemberRef Sam = new("29:sam", "Sam");
    public static readonly MemberRef Alex = new("29:alex", "Alex");

    // Monday 10 March 2025, 10:00 GMT.
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);

    public IndexFixture(bool createIndexTables = true)
    {
        var prefix = Azurite.NewTablePrefix();
        Plans = new TableClient(Azurite.ConnectionString, prefix + "plans");
        Plans.CreateIfNotExists();
        Tables = new IndexTables(
            new TableClient(Azurite.ConnectionString, prefix + IndexTables.AssigneesName),
            new TableClient(Azurite.ConnectionString, prefix + IndexTables.RemindersName));
        if (createIndexTables)
        {
            Tables.CreateIfNotExistsAsync().GetAwaiter().GetResult();
        }

        var mapper = new RecordMapper(RecordTypes.Default);
        Inner = new TableGroupStore(Plans, mapper, NullLogger<TableGroupStore>.Instance);
        Assignees = new AssigneeIndex(Tables);
        Reminders = new ReminderIndex(Tables);
        Options = new OutboxOptions { InstanceId = "index-fixture" };
        var pointers = new TableClient(Azurite.ConnectionString, prefix + TableOutboxStore.PointerTableName);
        pointers.CreateIfNotExists();
        Outbox = new TableOutboxStore(Plans, pointers, mapper, Clock, Options);
        IIndexProjection[] projections = [new AssigneeIndexProjection(Assignees), new ReminderIndexProjection(Reminders)];
        Writer = new OutboxWriter(projections, Options);
        Delivery = new OutboxDelivery(Outbox, [], projections, new SentMessages(Inner, Clock, NullLogger<SentMessages>.Instance), Options, Clock, NullLogger<OutboxDelivery>.Instance);
        Store = new OutboxApplyingStore(Inner, Writer, Delivery, Clock);
    }

    public OutboxOptions Options { get; }

    public TableOutboxStore Outbox { get; }

    public OutboxWriter Writer { get; }

    public OutboxDelivery Delivery { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public TableClient Plans { get; }

    public IndexTables Tables { get; }

    public TableGroupStore Inner { get; }

    public AssigneeIndex Assignees { get; }

    public ReminderIndex Reminders { get; }

    public IGroupStore Store { get; }

    public static string KeyOf(MemberRef who) => AssigneeKeys.For("msteams", "tenant-1", who.Id);

    public ReminderDispatcher Dispatcher(string instance, IProactiveMessenger messenger) =>
        new(Reminders, Store, [messenger], Clock, new ReminderOptions { InstanceId = instance }, NullLogger<ReminderDispatcher>.Instance);

    /// <summary>A group with a plan, a conversation reference and three members.</summary>
    public async Task SeedGroupAsync(string groupId, string name = "Little Wittering", bool digest = true)
    {
        var state = await Store.LoadAsync(groupId);
        state.Put(new PlanRecord(name, PlanType.CommunityLedPlan, 4, Chair, Start) { DigestEnabled = digest });
        state.Put(new ConversationReferenceRecord("msteams", new Dictionary<string, string> { ["serviceUrl"] = "https://smba.example/uk/", ["conversationId"] = groupId }));
        foreach (var member in new[] { Chair, Sam, Alex })
        {
            state.Put(new MemberRecord(member, MemberRole.Member, Start));
        }

        Assert.Equal(SaveOutcome.Saved, await Store.SaveAsync(state, null));
    }

    /// <summary>Creates an action the way the conversation does: next number, owner key, one atomic save.</summary>
    public async Task<ActionItem> CreateAsync(string groupId, string title, MemberRef? owner, DateOnly? due)
    {
        var state = await Store.LoadAsync(groupId);
        var id = ActionRules.TakeNextId(state);
        var action = ActionItem.Create(id, title, 4, Chair, Clock.GetUtcNow()) with
        {
            Owner = owner,
            OwnerKey = owner is null ? null : KeyOf(owner),
            Due = due,
        };
        state.Put(action);
        Assert.Equal(SaveOutcome.Saved, await Store.SaveAsync(state, null));
        return action;
    }

    /// <summary>Changes an action through the given store (the indexing one unless told otherwise).</summary>
    public async Task<ActionItem> ChangeAsync(string groupId, int id, Func<ActionItem, ActionItem> change, IGroupStore? through = null)
    {
        var store = through ?? Store;
        var state = await store.LoadAsync(groupId);
        var changed = change(state.Find<ActionItem>(ActionItem.KeyFor(id))!);
        state.Put(changed);
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(state, null));
        return changed;
    }

    public List<TableEntity> ReminderRows() => Tables.Reminders.Query<TableEntity>().ToList();

    public List<TableEntity> AssigneeRows() => Tables.Assignees.Query<TableEntity>().ToList();
}

/// <summary>A messenger that records what it was asked to send, yielding first so concurrent dispatchers interleave.</summary>
internal sealed class RecordingMessenger : IProactiveMessenger
{
    public ConcurrentQueue<(string To, ConversationReferenceRecord Reference, Reply Reply)> Sent { get; } = new();

    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    public ProactiveResult NextResult { get; set; } = ProactiveResult.Sent;

    public bool Serves(string channel) => channel == "msteams";

    public async Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (NextResult != ProactiveResult.Sent)
        {
            return NextResult;
        }

        Sent.Enqueue(("group:" + reference.Address["conversationId"], reference, reply));
        return ProactiveResult.Sent;
    }

    public async Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (Unreachable.Contains(member.Id))
        {
            return ProactiveResult.RecipientUnreachable;
        }

        if (NextResult != ProactiveResult.Sent)
        {
            return NextResult;
        }

        Sent.Enqueue((member.Id, reference, reply));
        return ProactiveResult.Sent;
    }
}
