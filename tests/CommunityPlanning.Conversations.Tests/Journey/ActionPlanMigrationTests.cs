using System.Globalization;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

/// <summary>
/// Groups stored before the action plan and chat actions were one list (step-5 "actions" rows, step-8 "updates"
/// rows) load and keep working: the rows become actions in the first turn's save, on Azurite.
/// </summary>
public sealed class ActionPlanMigrationTests
{
    [Fact]
    public async Task OldActionPlanRows_FirstTurn_ConvertsThemAndEverythingKeepsWorking()
    {
        var table = Azurite.NewTable("plans");
        var store = Over(table);
        using var chat = new ScriptedConversation(store);
        await chat.StartPlan();
        await chat.Send(Ann, "role @Bob secretary", Bob);
        (await chat.Send(Ann, "action @Bob book the village hall by Friday", Bob)).AssertReply("Action 1: book the village hall");
        await WriteOldRows(store, chat.GroupId,
            Row(5, "actions", "00000000a1", ("action", "Community speed watch"), ("type", "community"), ("lead", "Bob"), ("target", "2025-06-30"), ("priority", "high"), ("status", "in-progress")),
            Row(5, "actions", "00000000a2", ("action", "Start a youth club"), ("type", "partnership"), ("lead", "Priya"), ("cost", "1500")),
            Row(8, "updates", "00000000u1", ("action", "00000000a1"), ("status", "completed"), ("rag", "green"), ("updated", "2025-05-01"), ("note", "Twelve volunteers trained")),
            Row(8, "updates", "00000000u2", ("action", "00000000a2"), ("status", "on-hold"), ("updated", "2025-04-01")),
            Row(9, "outcomes", "00000000o1", ("action", "00000000a2"), ("outcome", "not-done"), ("carryForward", "true")));

        (await chat.Send(Ann, "step 5")).AssertReply("Step 5");
        (await chat.Press(Ann, "Action plan"))
            .AssertReply("3 actions")
            .AssertReply("Community speed watch")
            .AssertReply("Start a youth club")
            .AssertReply("book the village hall")
            .AssertReply("Actions still to do: 2");

        var state = await Over(table).LoadAsync(chat.GroupId);
        Assert.DoesNotContain(state.OfType<FormRow>(), r => (r.Step, r.FormId) is (5, "actions") or (8, "updates"));
        var speedWatch = state.Actions().Single(a => a.SourceRowId == "00000000a1");
        var youthClub = state.Actions().Single(a => a.SourceRowId == "00000000a2");
        Assert.Equal([1, 2, 3], state.Actions().Select(a => a.Id));
        Assert.Equal((ActionStatus.Completed, RagRating.Green, Bob), (speedWatch.Status, speedWatch.Rag, speedWatch.Owner));
        Assert.Equal("Update of Thu 1 May 2025: Twelve volunteers trained", Assert.Single(speedWatch.Notes).Text);
        Assert.Equal((ActionStatus.OnHold, "Priya", 1500m), (youthClub.Status, youthClub.Plan!.Lead, youthClub.Plan.Cost));
        Assert.Equal(3, state.Find<SequenceRecord>(SequenceRecord.KeyFor(ActionRules.SequenceName))!.Last);
        Assert.Equal(ActionPlanRows.RowId(youthClub.Id), state.Find<FormRow>(FormRow.KeyFor(9, "outcomes", "00000000o1"))!.Values["action"]);

        // The converted actions are ordinary actions now: typed changes and the step-8 form both reach them.
        (await chat.Send(Ann, $"action {youthClub.Id} rag amber")).AssertReply($"Action {youthClub.Id} is rated amber");
        (await chat.Send(Bob, "step 8")).AssertReply("Step 8");
        (await chat.Press(Bob, "Progress updates")).AssertReply("Start a youth club").AssertReply("Amber");
        Assert.Equal(RagRating.Amber, (await chat.Stored()).Find<ActionItem>(youthClub.Key)!.Rag);
    }

    [Fact]
    public async Task OldActionPlanRows_TwoInstancesConvertAtOnce_NothingIsDuplicated()
    {
        var table = Azurite.NewTable("plans");
        var store = Over(table);
        using (var setup = new ScriptedConversation(store))
        {
            await setup.StartPlan();
            await WriteOldRows(store, setup.GroupId,
                Row(5, "actions", "00000000a1", ("action", "Community speed watch"), ("type", "community")),
                Row(5, "actions", "00000000a2", ("action", "Start a youth club"), ("type", "partnership")),
                Row(8, "updates", "00000000u1", ("action", "00000000a1"), ("status", "completed"), ("updated", "2025-05-01"), ("note", "Done")));
        }

        // Two hosts, each with its own store over the same table: both load the old rows before either saves.
        var gate = new Gate(2);
        using var first = new ScriptedConversation(new GatedStore(gate, Over(table)));
        using var second = new ScriptedConversation(new GatedStore(gate, Over(table)));
        var replies = await Task.WhenAll(first.Send(Ann, "actions"), second.Send(Bob, "actions"));

        Assert.All(replies, r => r.AssertReply("Start a youth club").AssertReply("1 action"));
        Assert.True(gate.Loads > 2, "one of the two turns should have met the other's save and run again");
        var state = await Over(table).LoadAsync(first.GroupId);
        Assert.Equal(2, state.Actions().Count());
        Assert.Equal(["00000000a1", "00000000a2"], state.Actions().Select(a => a.SourceRowId!).Order(StringComparer.Ordinal));
        Assert.Single(state.Actions().Single(a => a.SourceRowId == "00000000a1").Notes);
        Assert.Equal(2, state.Find<SequenceRecord>(SequenceRecord.KeyFor(ActionRules.SequenceName))!.Last);
        Assert.DoesNotContain(state.OfType<FormRow>(), r => (r.Step, r.FormId) is (5, "actions") or (8, "updates"));
    }

    [Fact]
    public async Task OldActionPlan_FullList_ConvertsInSavesThatFitAndLosesNoRow()
    {
        var table = Azurite.NewTable("plans");
        var store = Over(table);
        using var chat = new ScriptedConversation(store);
        await chat.StartPlan();
        var rows = new List<FormRow>();
        for (var i = 0; i < 100; i++)
        {
            var id = RowId(i);
            rows.Add(Row(5, "actions", id, ("action", $"Action number {i}"), ("type", "community")));
            rows.Add(Row(8, "updates", "u" + id[1..], ("action", id), ("status", i % 2 == 0 ? "completed" : "in-progress"), ("updated", "2025-05-01"), ("note", $"Note {i}")));
            if (i % 2 == 0)
            {
                rows.Add(Row(8, "updates", "v" + id[1..], ("action", id), ("percent", "40"), ("status", "in-progress"), ("updated", "2025-04-01")));
            }
        }

        await WriteOldRows(store, chat.GroupId, [.. rows]);

        (await chat.Send(Ann, "summary step 8")).AssertReply("Actions still to do: 50").AssertReply("Actions completed: 50");

        var state = await Over(table).LoadAsync(chat.GroupId);
        Assert.Equal(100, state.Actions().Count());
        Assert.Equal(Enumerable.Range(1, 100), state.Actions().Select(a => a.Id));
        // Each update's note is kept, with the date it was written for.
        Assert.All(state.Actions(), a => Assert.Equal($"Update of Thu 1 May 2025: Note {a.Title["Action number ".Length..]}", Assert.Single(a.Notes).Text));
        Assert.DoesNotContain(state.OfType<FormRow>(), r => (r.Step, r.FormId) is (5, "actions") or (8, "updates"));
        (await chat.Send(Ann, "action 100 priority low")).AssertReply("Action 100's priority in the plan is now low");
    }

    private static string RowId(int i) => "a" + i.ToString("000000000", CultureInfo.InvariantCulture);

    // A store as a freshly started host has it: nothing remembered from other stores.
    private static TableGroupStore Over(TableClient table) =>
        new(new TableClient(Azurite.ConnectionString, table.Name), new RecordMapper(RecordTypes.Default), NullLogger<TableGroupStore>.Instance);

    private static FormRow Row(int step, string form, string id, params (string Key, string Value)[] values) =>
        new(step, form, id, values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), Ann, new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    // Records in the shape the previous version stored, written as it wrote them (a form row per record).
    private static async Task WriteOldRows(TableGroupStore store, string groupId, params FormRow[] rows)
    {
        foreach (var chunk in rows.Chunk(90))
        {
            var state = await store.LoadAsync(groupId);
            foreach (var row in chunk)
            {
                state.Put(row);
            }

            Assert.Equal(Domain.Ports.SaveOutcome.Saved, await store.SaveAsync(state, null));
        }
    }

    /// <summary>Holds the first <c>parties</c> loads until all of them have happened, whichever store made them.</summary>
    private sealed class Gate(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _loads;

        public int Loads => _loads;

        public Task Arrive(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _loads) >= parties)
            {
                _all.TrySetResult();
            }

            return _all.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class GatedStore(Gate gate, TableGroupStore inner) : Domain.Ports.IGroupStore
    {
        public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
        {
            var state = await inner.LoadAsync(groupId, cancellationToken);
            await gate.Arrive(cancellationToken);
            return state;
        }

        public Task<Domain.Ports.SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(state, turnId, nonce, cancellationToken);
    }
}
