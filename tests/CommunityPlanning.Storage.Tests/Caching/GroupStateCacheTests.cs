using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Rights;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Caching;

/// <summary>
/// The group state cache against Azurite, with two instances (each its own store and cache) over one table: a turn
/// served from the cache reads nothing, and a copy made stale by the other instance, or by an erasure, is never
/// acted on (its save is refused and the next attempt reads storage).
/// </summary>
public sealed class GroupStateCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 19, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Sam = new("29:sam", "Sam");

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task LoadForTurnAsync_AfterOwnSave_ServesTheCacheWithNoRead_AndTheSaveIsOneWrite()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);
        await TurnAsync(a, "g", "t1", s => s.Put(Plan("Ashby")));
        a.Counter.Reset();

        var state = await a.Store.LoadForTurnAsync("g", 1);
        Assert.Equal("Ashby", state.Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
        Assert.Equal(0, a.Counter.Reads);
        state.Put(new ChecklistTick(1, "launch-event", true, Sam, Now));
        Assert.Equal(SaveOutcome.Saved, await a.Store.SaveAsync(state, "t2"));

        Assert.Equal(0, a.Counter.Reads);
        Assert.Equal(1, a.Counter.Writes);
        Assert.Equal(1, a.Cache.Hits);
    }

    [Fact]
    public async Task InterleavedTurnsOnTwoInstances_NoLostUpdate_AndNoStaleRead()
    {
        var table = StoreInstance.NewTableName();
        var a = new StoreInstance(table, _clock);
        var b = new StoreInstance(table, _clock);
        await TurnAsync(a, "g", "a1", s => s.Put(Plan("Ashby")));
        await TurnAsync(b, "g", "b1", s => s.Put(new ChecklistTick(1, "one", true, Sam, Now)));

        // A's copy predates B's tick: the turn that read it cannot save, and the next attempt sees the tick.
        var seen = await TurnAsync(a, "g", "a2", s => s.Put(new ChecklistTick(1, "two", true, Sam, Now)));
        Assert.Equal(2, seen.Attempts);
        Assert.True(seen.Final.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "one"))!.Done);

        // And back: B's copy is stale now; its change lands on top of A's.
        var back = await TurnAsync(b, "g", "b2", s => s.Put(s.Find<PlanRecord>(PlanRecord.Kind)! with { CommunityName = "Ashby Parva" }));
        Assert.Equal(2, back.Attempts);

        var stored = await new StoreInstance(table, _clock).Store.LoadAsync("g");
        Assert.Equal("Ashby Parva", stored.Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
        Assert.NotNull(stored.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "one")));
        Assert.NotNull(stored.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "two")));
    }

    [Fact]
    public async Task ReadOnlyTurnFromAStaleCopy_IsRefused_SoNothingStaleIsAnswered()
    {
        var table = StoreInstance.NewTableName();
        var a = new StoreInstance(table, _clock);
        var b = new StoreInstance(table, _clock);
        await TurnAsync(a, "g", "a1", s => s.Put(Plan("Ashby")));
        await TurnAsync(b, "g", "b1", s => s.Put(s.Find<PlanRecord>(PlanRecord.Kind)! with { CommunityName = "Barton" }));

        // A turn that changes nothing (and a save with no turn id) still proves its copy current before answering.
        var stale = await a.Store.LoadForTurnAsync("g", 1);
        Assert.Equal("Ashby", stale.Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
        Assert.Equal(SaveOutcome.Conflict, await a.Store.SaveAsync(stale, null));

        var fresh = await a.Store.LoadForTurnAsync("g", 2);
        Assert.Equal("Barton", fresh.Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
    }

    [Fact]
    public async Task GroupDeletedOnOneInstance_TheOtherInstancesNextTurnSeesItGone()
    {
        var table = StoreInstance.NewTableName();
        var a = new StoreInstance(table, _clock);
        var b = new StoreInstance(table, _clock);
        await TurnAsync(a, "g", "a1", s => s.Put(Plan("Ashby")));
        await TurnAsync(a, "g", "a2", s => s.Put(new ChecklistTick(1, "one", true, Sam, Now)));
        Assert.Equal(1, a.Cache.Count);

        // "delete our plan" runs the group partition holder on B.
        var holder = new GroupPartitionHolder(b.Table, table, b.Store, null!, b.Cache);
        await holder.DeleteGroupAsync("g");

        var after = await TurnAsync(a, "g", "a3", _ => { });
        Assert.Equal(2, after.Attempts);
        Assert.Null(after.Final.Find<PlanRecord>(PlanRecord.Kind));
        Assert.Empty(after.Final.All);
    }

    [Fact]
    public async Task ErasedPersonOnOneInstance_TheOtherInstanceNeverShowsTheOldName()
    {
        var table = StoreInstance.NewTableName();
        var a = new StoreInstance(table, _clock);
        var b = new StoreInstance(table, _clock);
        await TurnAsync(a, "g", "a1", s => s.Put(new PlanRecord("Ashby", PlanType.CommunityLedPlan, 1, Sam, Now)));

        // An erasure saves through the store like any writer (GroupScrubber): a plain LoadAsync and SaveAsync.
        var scrub = await b.Store.LoadAsync("g");
        scrub.Put(scrub.Find<PlanRecord>(PlanRecord.Kind)! with { CreatedBy = new MemberRef("former-1", "a former member") });
        Assert.Equal(SaveOutcome.Saved, await b.Store.SaveAsync(scrub, "rights-job-1"));

        var turn = await TurnAsync(a, "g", "a2", _ => { });
        Assert.Equal("a former member", turn.Final.Find<PlanRecord>(PlanRecord.Kind)!.CreatedBy.Name);
        Assert.Equal(2, turn.Attempts);
    }

    [Fact]
    public async Task FinishedOutboxRows_AreDeletedWithTheNextSave_OrByTheFlush()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);
        var saved = await TurnAsync(a, "g", "t1", s => s.Put(new OutboxRecord(OutboxRecord.BatchId(Now.UtcTicks, "n1"), 0, OutboxKind.Reply, "msteams", "{}")));
        var row = saved.Final.OfType<OutboxRecord>().Single();
        await a.Outbox.DeleteAsync([new OutboxEntry("g", row, saved.Final.VersionOf(row.Key))]);
        Assert.Equal(1, OutboxRows(a));
        Assert.Empty(await a.Outbox.ListAsync("g")); // finished here: the dispatcher does not take it up again

        // The next turn neither sees the row nor pays a write for it: the delete rides in its save.
        a.Counter.Reset();
        var next = await TurnAsync(a, "g", "t2", s => Assert.Empty(s.OfType<OutboxRecord>()));
        Assert.Equal(1, a.Counter.Writes);
        Assert.Equal(0, OutboxRows(a));
        Assert.Equal(0, a.Done.Count);

        // With no later save, the flush deletes it.
        var again = await TurnAsync(a, "g", "t3", s => s.Put(new OutboxRecord(OutboxRecord.BatchId(Now.UtcTicks + 1, "n3"), 0, OutboxKind.Reply, "msteams", "{}")));
        var second = again.Final.OfType<OutboxRecord>().Single();
        await a.Outbox.DeleteAsync([new OutboxEntry("g", second, again.Final.VersionOf(second.Key))]);
        await a.Outbox.FlushDoneAsync();
        Assert.Equal(1, OutboxRows(a));
        _clock.Advance(TimeSpan.FromSeconds(2));
        await a.Outbox.FlushDoneAsync();
        Assert.Equal(0, OutboxRows(a));
        Assert.NotNull(next.Final);
    }

    [Fact]
    public void Cache_IsBoundedByGroupsRecordsAndAge()
    {
        var cache = new GroupStateCache(new GroupCacheOptions { MaxGroups = 3, MaxRecords = 10, MaxAge = TimeSpan.FromMinutes(10) }, _clock);
        for (var i = 0; i < 20; i++)
        {
            cache.Put($"g{i}", Group(2));
        }

        Assert.Equal(3, cache.Count);
        Assert.Equal(17, cache.Evictions);
        Assert.True(cache.TryGet("g19", out _));
        Assert.False(cache.TryGet("g0", out _));

        cache.Put("big", Group(9));
        Assert.True(cache.RecordCount <= 10);
        Assert.True(cache.TryGet("big", out _));

        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.False(cache.TryGet("big", out _));
        Assert.Equal(0, cache.Count - (cache.TryGet("g19", out _) ? 1 : 0));
    }

    [Fact]
    public async Task CacheTurnedOff_EveryTurnQueries()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock, new GroupCacheOptions { Enabled = false });
        await TurnAsync(a, "g", "t1", s => s.Put(Plan("Ashby")));
        a.Counter.Reset();
        var state = await a.Store.LoadForTurnAsync("g", 1);
        Assert.Equal(1, a.Counter.Reads);
        Assert.Equal("Ashby", state.Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
        Assert.Equal(0, a.Cache.Count);
    }

    private static int OutboxRows(StoreInstance instance) =>
        instance.Table.Query<TableEntity>(e => e.PartitionKey == "g").Count(e => e.RowKey.StartsWith(OutboxRecord.Kind, StringComparison.Ordinal));

    private static PlanRecord Plan(string name) => new(name, PlanType.CommunityLedPlan, 1, Sam, Now);

    private static CachedGroup Group(int records)
    {
        var state = new GroupState("x");
        for (var i = 0; i < records; i++)
        {
            state.Load(new ChecklistTick(1, $"item{i}", true, Sam, Now), "etag");
        }

        return CachedGroup.Of(state, "v");
    }

    // A turn that must save (StoreInstance.TurnAsync).
    private static async Task<TurnRun> TurnAsync(StoreInstance instance, string groupId, string turnId, Action<GroupState> change)
    {
        var run = await instance.TurnAsync(groupId, turnId, change);
        Assert.Equal(SaveOutcome.Saved, run.Outcome);
        return run;
    }
}
