using Azure.Data.Tables;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Tests;

public sealed class TableGroupStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 19, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Sam = new("29:sam", "Sam");

    [Fact]
    public async Task LoadAsync_NewGroup_ReturnsEmptyStateInOneRead()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("msteams-new");
        Assert.Empty(state.All);
        Assert.Equal(1, f.Counter.Reads);
        Assert.Equal(0, f.Counter.Writes);
    }

    [Fact]
    public async Task SaveAsync_NewRecords_RoundTripWithVersions()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("g1");
        state.Put(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 1, Sam, Now));
        state.Put(new ChecklistTick(1, "launch-event", true, Sam, Now));
        f.Counter.Reset();

        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(state, "turn-1"));
        Assert.Equal(1, f.Counter.Writes);

        var again = await f.Store.LoadAsync("g1");
        var plan = again.Find<PlanRecord>(PlanRecord.Kind);
        Assert.NotNull(plan);
        Assert.Equal("Little Wittering", plan.CommunityName);
        Assert.Equal(Sam, plan.CreatedBy);
        Assert.Equal(Now, plan.CreatedAt);
        Assert.True(again.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "launch-event"))!.Done);
        Assert.NotNull(again.VersionOf(PlanRecord.Kind));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ReturnsConflictAndKeepsTheFirstWrite()
    {
        var f = new StoreFixture();
        var seed = await f.Store.LoadAsync("g");
        seed.Put(new PlanRecord("Ashby", PlanType.CommunityLedPlan, 1, Sam, Now));
        await f.Store.SaveAsync(seed, null);

        var first = await f.Store.LoadAsync("g");
        var second = await f.Store.LoadAsync("g");
        first.Put(first.Find<PlanRecord>(PlanRecord.Kind)! with { CurrentStep = 2 });
        second.Put(second.Find<PlanRecord>(PlanRecord.Kind)! with { CommunityName = "Ashby Parva" });

        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(first, "a"));
        Assert.Equal(SaveOutcome.Conflict, await f.Store.SaveAsync(second, "b"));

        var stored = (await f.Store.LoadAsync("g")).Find<PlanRecord>(PlanRecord.Kind)!;
        Assert.Equal(2, stored.CurrentStep);
        Assert.Equal("Ashby", stored.CommunityName);
    }

    [Fact]
    public async Task SaveAsync_ConflictOnOneRecord_WritesNothingElseFromTheBatch()
    {
        var f = new StoreFixture();
        var seed = await f.Store.LoadAsync("g");
        seed.Put(new PlanRecord("Ashby", PlanType.CommunityLedPlan, 1, Sam, Now));
        await f.Store.SaveAsync(seed, null);

        var stale = await f.Store.LoadAsync("g");
        var fresh = await f.Store.LoadAsync("g");
        fresh.Put(fresh.Find<PlanRecord>(PlanRecord.Kind)! with { CurrentStep = 3 });
        await f.Store.SaveAsync(fresh, null);

        stale.Put(new ChecklistTick(1, "a", true, Sam, Now));
        stale.Put(new ChecklistTick(1, "b", true, Sam, Now));
        stale.Put(stale.Find<PlanRecord>(PlanRecord.Kind)! with { CurrentStep = 2 });
        Assert.Equal(SaveOutcome.Conflict, await f.Store.SaveAsync(stale, "turn-x"));

        var stored = await f.Store.LoadAsync("g");
        Assert.Empty(stored.OfType<ChecklistTick>());
        Assert.Equal(3, stored.Find<PlanRecord>(PlanRecord.Kind)!.CurrentStep);

        // The failed turn's id was not recorded either, so a retry of it is not mistaken for a duplicate.
        var retry = await f.Store.LoadAsync("g");
        retry.Put(new ChecklistTick(1, "a", true, Sam, Now));
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(retry, "turn-x"));
    }

    [Fact]
    public async Task SaveAsync_SameTurnTwice_SecondIsDuplicateAndWritesNothing()
    {
        var f = new StoreFixture();
        var first = await f.Store.LoadAsync("g");
        first.Put(new ChecklistTick(1, "a", true, Sam, Now));
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(first, "activity-1"));

        var redelivered = await f.Store.LoadAsync("g");
        redelivered.Put(new ChecklistTick(1, "b", true, Sam, Now));
        Assert.Equal(SaveOutcome.Duplicate, await f.Store.SaveAsync(redelivered, "activity-1"));

        Assert.Single((await f.Store.LoadAsync("g")).OfType<ChecklistTick>());
    }

    [Fact]
    public async Task LoadAsync_SeenRows_AreNotLoaded()
    {
        var f = new StoreFixture();
        for (var i = 0; i < 3; i++)
        {
            var state = await f.Store.LoadAsync("g");
            await f.Store.SaveAsync(state, $"turn-{i}");
        }

        Assert.Empty((await f.Store.LoadAsync("g")).All);
        var rows = f.Table.Query<TableEntity>(e => e.PartitionKey == "g").ToList();
        Assert.Equal(3, rows.Count(r => r.RowKey.StartsWith("seen|", StringComparison.Ordinal)));
        Assert.Single(rows, r => r.RowKey == TableGroupStore.VersionRowKey);
    }

    [Theory]
    [InlineData("29:1a/b\\c#d?e")]
    [InlineData("O'Brien \"quoted\"")]
    [InlineData("ünïcödé 🙂 用户")]
    [InlineData("tab\there%41")]
    [InlineData("a|b|c")]
    public async Task SaveAsync_RawIdsWithAwkwardCharacters_RoundTrip(string rawId)
    {
        var f = new StoreFixture();
        var groupId = GroupIds.For("msteams", "tenant/with#odd?chars", rawId);
        var member = new MemberRef(rawId, rawId);
        var state = await f.Store.LoadAsync(groupId);
        state.Put(new MemberRecord(member, MemberRole.Secretary, Now));
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(state, rawId));

        var again = await f.Store.LoadAsync(groupId);
        var stored = again.Find<MemberRecord>(MemberRecord.KeyFor(rawId));
        Assert.NotNull(stored);
        Assert.Equal(member, stored.Member);

        again.Put(stored with { Role = MemberRole.Chair });
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(again, rawId + "-2"));
        Assert.Equal(SaveOutcome.Duplicate, await f.Store.SaveAsync(await f.Store.LoadAsync(groupId), rawId));
    }

    [Fact]
    public async Task LoadAsync_MoreThanOnePage_ReadsEveryRecord()
    {
        var f = new StoreFixture();
        const int total = 1_234;
        // 99 records a save: the group's version row is the 100th operation.
        for (var start = 0; start < total; start += 99)
        {
            var state = new GroupState("big");
            for (var i = start; i < Math.Min(total, start + 99); i++)
            {
                state.Put(new ChecklistTick(4, $"item-{i:0000}", i % 2 == 0, Sam, Now));
            }

            Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(state, null));
        }

        f.Counter.Reset();
        var loaded = await f.Store.LoadAsync("big");
        Assert.Equal(total, loaded.OfType<ChecklistTick>().Count());
        Assert.Equal(2, f.Counter.Reads);
    }

    [Fact]
    public async Task SaveAsync_TooManyChanges_ThrowsAndWritesNothing()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("g");
        for (var i = 0; i < 101; i++)
        {
            state.Put(new ChecklistTick(1, $"i{i}", true, Sam, Now));
        }

        await Assert.ThrowsAsync<StoreLimitException>(() => f.Store.SaveAsync(state, "t"));
        Assert.Empty((await f.Store.LoadAsync("g")).All);
    }

    [Fact]
    public async Task SaveAsync_RecordLongerThanOneProperty_IsSplitAndRoundTrips()
    {
        var f = new StoreFixture();
        var longName = new string('x', 70_000);
        var state = await f.Store.LoadAsync("g");
        state.Put(new MemberRecord(new MemberRef("u1", longName), MemberRole.Member, Now));
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(state, null));

        var stored = (await f.Store.LoadAsync("g")).Find<MemberRecord>(MemberRecord.KeyFor("u1"));
        Assert.Equal(longName, stored!.Member.Name);
    }

    [Fact]
    public async Task SaveAsync_RecordOverTheEntityLimit_ThrowsBeforeWriting()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("g");
        state.Put(new MemberRecord(new MemberRef("u1", new string('x', 500_000)), MemberRole.Member, Now));
        var ex = await Assert.ThrowsAsync<StoreLimitException>(() => f.Store.SaveAsync(state, "t"));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
        Assert.Empty((await f.Store.LoadAsync("g")).All);
    }

    [Fact]
    public async Task SaveAsync_RemovedRecord_IsDeletedWithItsVersion()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("g");
        state.Put(new ChecklistTick(1, "a", true, Sam, Now));
        await f.Store.SaveAsync(state, null);

        var stale = await f.Store.LoadAsync("g");
        var fresh = await f.Store.LoadAsync("g");
        fresh.Put(new ChecklistTick(1, "a", false, Sam, Now));
        await f.Store.SaveAsync(fresh, null);

        stale.Remove(ChecklistTick.KeyFor(1, "a"));
        Assert.Equal(SaveOutcome.Conflict, await f.Store.SaveAsync(stale, null));

        var current = await f.Store.LoadAsync("g");
        current.Remove(ChecklistTick.KeyFor(1, "a"));
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(current, null));
        Assert.Empty((await f.Store.LoadAsync("g")).All);
    }

    [Fact]
    public async Task SaveAsync_NothingChangedAndNoTurnId_MakesNoRequest()
    {
        var f = new StoreFixture();
        var state = await f.Store.LoadAsync("g");
        f.Counter.Reset();
        Assert.Equal(SaveOutcome.Saved, await f.Store.SaveAsync(state, null));
        Assert.Equal(0, f.Counter.Writes + f.Counter.Reads);
    }
}
