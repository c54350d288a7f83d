using Azure;
using Azure.Core;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Tests.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests;

/// <summary>
/// Redelivered turns are recognised from the marks on the group's version row (<see cref="TurnMarks"/>), on Azurite:
/// a turn's save writes no row of its own, a redelivery to this or another instance writes nothing, retries after a
/// conflict cannot both land, and the marks stay bounded.
/// </summary>
public sealed class TurnMarkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 19, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Sam = new("29:sam", "Sam");

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Turn_WritesNoSeenRow_ItsRedeliveryIsADuplicateAndWritesNothing()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);
        Assert.Equal(SaveOutcome.Saved, await TurnAsync(a, "g", "t1", s => s.Put(Tick("one"))));
        Assert.Equal(SaveOutcome.Saved, await TurnAsync(a, "g", "t2", s => s.Put(Tick("two"))));
        a.Counter.Reset();

        Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(a, "g", "t1", s => s.Put(Tick("three"))));

        Assert.Equal(0, a.Counter.Writes);
        var rows = Rows(a);
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("seen|", StringComparison.Ordinal));
        Assert.Equal(2, Marks(rows).Count);
        Assert.Null((await a.Store.LoadAsync("g")).Find<ChecklistTick>(ChecklistTick.KeyFor(1, "three")));
    }

    [Fact]
    public async Task RedeliveryToAnotherInstance_WithAStaleCopy_IsADuplicate()
    {
        var table = StoreInstance.NewTableName();
        var a = new StoreInstance(table, _clock);
        var b = new StoreInstance(table, _clock);
        await TurnAsync(b, "g", "b1", s => s.Put(Plan("Ashby")));
        await TurnAsync(a, "g", "t1", s => s.Put(Tick("one")));

        // B still holds the group as it was before t1: its guarded save fails, and the reload finds t1's mark.
        Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(b, "g", "t1", s => s.Put(Tick("other"))));
        Assert.Null((await a.Store.LoadAsync("g")).Find<ChecklistTick>(ChecklistTick.KeyFor(1, "other")));
    }

    [Fact]
    public async Task TwoRetriesOfOneTurnAtOnce_OnlyOneLands()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);
        var b = new StoreInstance(a.Table.Name, _clock);
        await TurnAsync(a, "g", "t0", s => s.Put(Plan("Ashby")));

        // Attempts after a conflict do not guard the version row; their write-once seen row keeps them apart.
        var first = await a.Store.LoadForTurnAsync("g", 2);
        var second = await b.Store.LoadForTurnAsync("g", 2);
        first.Put(Tick("one"));
        second.Put(Tick("two"));
        var outcomes = new[] { await a.Store.SaveAsync(first, "t1", "nonce-a"), await b.Store.SaveAsync(second, "t1", "nonce-b") };

        Assert.Equal([SaveOutcome.Saved, SaveOutcome.Duplicate], outcomes);
        var stored = await a.Store.LoadAsync("g");
        Assert.NotNull(stored.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "one")));
        Assert.Null(stored.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "two")));

        // The mark was merged in too, so a later guarded delivery of the turn is recognised without the seen row.
        Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(b, "g", "t1", s => s.Put(Tick("three"))));
    }

    [Fact]
    public async Task ManyTurns_MarksStayBounded_AndTheLatestHundredAreRecognised()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);
        const int turns = TurnMarks.PruneAbove + 20;
        for (var i = 1; i <= turns; i++)
        {
            Assert.Equal(SaveOutcome.Saved, await TurnAsync(a, "g", $"t{i}", _ => { }));
        }

        var marks = Marks(Rows(a));
        Assert.InRange(marks.Count, TurnMarks.Keep, TurnMarks.PruneAbove);

        // From storage, not this instance's copy: every one of the latest hundred turns is a duplicate.
        var fresh = new StoreInstance(a.Table.Name, _clock);
        for (var i = turns - TurnMarks.Keep + 1; i <= turns; i += 9)
        {
            Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(fresh, "g", $"t{i}", s => s.Put(Tick($"again{i}"))));
        }

        Assert.Empty((await fresh.Store.LoadAsync("g")).OfType<ChecklistTick>());
    }

    [Fact]
    public async Task ManySavesThatCannotGuard_StayUnderTheRowsPropertyLimit()
    {
        var a = new StoreInstance(StoreInstance.NewTableName(), _clock);

        // Background jobs load without a guard; states the store never loaded cannot even know the marks.
        for (var i = 0; i < 260; i++)
        {
            var state = await a.Store.LoadAsync("g");
            Assert.Equal(SaveOutcome.Saved, await a.Store.SaveAsync(state, $"job-{i}"));
            Assert.Equal(SaveOutcome.Saved, await a.Store.SaveAsync(new GroupState("g"), $"other-{i}"));
        }

        Assert.InRange(Marks(Rows(a)).Count, TurnMarks.Keep, TurnMarks.ReplaceAbove + 1);
        Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(a, "g", "job-259", s => s.Put(Tick("late"))));
        Assert.Equal(SaveOutcome.Duplicate, await TurnAsync(a, "g", "other-259", s => s.Put(Tick("late"))));
    }

    [Fact]
    public async Task SaveLandsButTheAnswerIsLost_TheTurnIsSaved_AndItsRetryIsNotADuplicate()
    {
        var lose = new LoseAnswerOnce();
        var table = lose.Client(StoreInstance.NewTableName());
        var cache = new GroupStateCache(new GroupCacheOptions(), _clock);
        var store = new TableGroupStore(table, new RecordMapper(RecordTypes.Default), NullLogger<TableGroupStore>.Instance, cache);

        var state = await store.LoadForTurnAsync("g", 1);
        state.Put(Tick("one"));
        lose.Armed = true;
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(state, "t1", "our-nonce"));
        Assert.False(lose.Armed);

        // Another delivery of the same turn (its own nonce) is a duplicate; our own retry would count as saved.
        var again = await store.LoadForTurnAsync("g", 2);
        Assert.Equal(SaveOutcome.Duplicate, await store.SaveAsync(again, "t1", "their-nonce"));
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(again, "t1", "our-nonce"));
    }

    private static ChecklistTick Tick(string item) => new(1, item, true, Sam, Now);

    private static PlanRecord Plan(string name) => new(name, PlanType.CommunityLedPlan, 1, Sam, Now);

    private static List<TableEntity> Rows(StoreInstance instance) =>
        instance.Table.Query<TableEntity>(e => e.PartitionKey == "g").ToList();

    private static List<string> Marks(List<TableEntity> rows) =>
        rows.Single(r => r.RowKey == TableGroupStore.VersionRowKey).Keys.Where(TurnMarks.IsMarkName).ToList();

    private static async Task<SaveOutcome> TurnAsync(StoreInstance instance, string groupId, string turnId, Action<GroupState> change) =>
        (await instance.TurnAsync(groupId, turnId, change)).Outcome;
}
