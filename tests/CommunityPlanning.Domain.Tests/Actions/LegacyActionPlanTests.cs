using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Actions;

public sealed class LegacyActionPlanTests
{
    private static readonly MemberRef Ann = new("u-ann", "Ann");
    private static readonly MemberRef Priya = new("u-priya", "Priya Shah");
    private static readonly DateTimeOffset At = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Convert_PlanRowsAndUpdates_BecomeActionsAndTheRowsGo()
    {
        var state = Stored();

        var used = LegacyActionPlan.Convert(state, Key, 100);

        Assert.False(LegacyActionPlan.IsPending(state));
        Assert.True(used > 0);
        Assert.Empty(state.WithPrefix<FormRow>(FormRow.PrefixFor(5, "actions")));
        var actions = state.Actions().ToList();
        Assert.Equal(3, actions.Count);
        var shelter = actions.Single(a => a.SourceRowId == "0000000a1");
        Assert.Equal("Bus shelter", shelter.Title);
        Assert.Equal(Priya, shelter.Owner);
        Assert.Equal("key:" + Priya.Id, shelter.OwnerKey);
        Assert.Equal(new DateOnly(2025, 9, 1), shelter.Due);
        Assert.Equal("partnership", shelter.Plan!.LeadType);
        Assert.Equal(250m, shelter.Plan.Cost);
        Assert.Equal("high", shelter.Plan.Priority);
        // The later update (by date) wins over the plan's own status and the earlier update.
        Assert.Equal(ActionStatus.Completed, shelter.Status);
        Assert.Equal(RagRating.Green, shelter.Rag);
        Assert.Equal(2, shelter.Notes.Count);
        Assert.StartsWith("Update of", shelter.Notes[0].Text, StringComparison.Ordinal);
        var signs = actions.Single(a => a.SourceRowId == "0000000a2");
        Assert.Null(signs.Owner);
        Assert.Equal("The highways team", signs.Plan!.Lead);
        Assert.Equal(ActionStatus.Dropped, signs.Status);
        // Updates are applied and removed; one naming no action is left as it was.
        Assert.Single(state.WithPrefix<FormRow>(FormRow.PrefixFor(8, "updates")));
        // Funding and outcomes name the action's number now.
        Assert.Equal(ActionPlanRows.RowId(shelter.Id), state.Find<FormRow>(FormRow.KeyFor(8, "funding", "f1"))!.Values["action"]);
        Assert.Equal(ActionPlanRows.RowId(signs.Id), state.Find<FormRow>(FormRow.KeyFor(9, "outcomes", "o1"))!.Values["action"]);
    }

    [Fact]
    public void Convert_NumbersFollowTheSequence_AfterChatActions()
    {
        var state = Stored();
        state.Put(new SequenceRecord(ActionRules.SequenceName, 7));

        LegacyActionPlan.Convert(state, Key, 100);

        Assert.Equal([8, 9, 10], state.Actions().Select(a => a.Id).Order());
        Assert.Equal(10, state.Find<SequenceRecord>(SequenceRecord.KeyFor(ActionRules.SequenceName))!.Last);
    }

    [Fact]
    public void Convert_InSmallParts_GivesTheSameResultAsAtOnce()
    {
        var whole = Stored();
        LegacyActionPlan.Convert(whole, Key, 100);
        var parts = Stored();
        var rounds = 0;
        while (LegacyActionPlan.IsPending(parts))
        {
            Assert.True(LegacyActionPlan.Convert(parts, Key, 3) <= 3);
            rounds++;
        }

        Assert.True(rounds > 2);
        Assert.Equal(
            whole.Actions().Select(a => (a.Id, a.Title, a.Status, a.Rag, a.Notes.Count, a.SourceRowId)),
            parts.Actions().Select(a => (a.Id, a.Title, a.Status, a.Rag, a.Notes.Count, a.SourceRowId)));
    }

    [Fact]
    public void Convert_Twice_MakesNothingNew()
    {
        var state = Stored();
        LegacyActionPlan.Convert(state, Key, 100);
        var before = state.Actions().ToList();

        Assert.Equal(0, LegacyActionPlan.Convert(state, Key, 100));
        Assert.Equal(before, state.Actions().ToList());
    }

    [Fact]
    public void Convert_UpdateAddedLaterForAConvertedRow_IsAppliedToItsAction()
    {
        var state = Stored();
        LegacyActionPlan.Convert(state, Key, 100);
        // An instance still running the old code added an update for a row it had on screen.
        state.Put(new FormRow(8, "updates", "0000000u9", Values(("action", "0000000a3"), ("status", "in-progress"), ("percent", "40"), ("updated", "2025-06-01")), Ann, At));

        Assert.True(LegacyActionPlan.IsPending(state));
        LegacyActionPlan.Convert(state, Key, 100);

        var litter = state.Actions().Single(a => a.SourceRowId == "0000000a3");
        Assert.Equal(40, litter.PercentComplete);
        Assert.Equal(3, state.Actions().Count());
    }

    [Fact]
    public void ApplyPlan_LeadNamingAMember_MakesThemTheOwner_OtherwiseKeepsTheName()
    {
        var state = new GroupState("g1");
        state.Put(new MemberRecord(Priya, MemberRole.Member, At));
        var action = ActionItem.Create(1, "Bus shelter", 5, Ann, At);

        var owned = ActionPlanEdit.ApplyPlan(state, action, Values(("action", "Bus shelter"), ("lead", "priya")), Key, Ann, At);
        var named = ActionPlanEdit.ApplyPlan(state, owned, Values(("action", "Bus shelter"), ("lead", "Parish council")), Key, Ann, At);

        Assert.Equal(Priya, owned.Owner);
        Assert.Null(owned.Plan);
        Assert.Null(named.Owner);
        Assert.Equal("Parish council", named.Plan!.Lead);
        Assert.Contains(named.History, h => h.Change == "owner Priya Shah → nobody");
        Assert.Contains(named.History, h => h.Change == "plan: lead set");
    }

    private static string Key(MemberRef member) => "key:" + member.Id;

    private static GroupState Stored()
    {
        var state = new GroupState("g1");
        var n = 0;
        void Load(IGroupRecord record) => state.Load(record, "etag-" + n++);
        Load(new MemberRecord(Priya, MemberRole.Member, At));
        Load(new MemberRecord(Ann, MemberRole.Chair, At));
        Load(new FormRow(5, "actions", "0000000a1", Values(
            ("action", "Bus shelter"), ("type", "partnership"), ("lead", "Priya Shah"), ("target", "2025-09-01"),
            ("cost", "250"), ("priority", "high"), ("status", "in-progress")), Ann, At));
        Load(new FormRow(5, "actions", "0000000a2", Values(("action", "Speed signs"), ("type", "agency"), ("lead", "The highways team")), Ann, At));
        Load(new FormRow(5, "actions", "0000000a3", Values(("action", "Litter pick"), ("type", "community"), ("status", "not-started")), Ann, At));
        Load(new FormRow(8, "updates", "0000000u1", Values(("action", "0000000a1"), ("status", "completed"), ("rag", "green"), ("updated", "2025-05-01"), ("note", "Installed")), Ann, At.AddDays(60)));
        Load(new FormRow(8, "updates", "0000000u2", Values(("action", "0000000a1"), ("status", "on-hold"), ("rag", "amber"), ("updated", "2025-04-01"), ("note", "Waiting for the grant")), Ann, At.AddDays(30)));
        Load(new FormRow(8, "updates", "0000000u3", Values(("action", "0000000a2"), ("status", "dropped"), ("updated", "2025-04-01")), Ann, At.AddDays(30)));
        Load(new FormRow(8, "updates", "0000000u4", Values(("action", "gone"), ("status", "completed"), ("updated", "2025-04-01")), Ann, At.AddDays(30)));
        Load(new FormRow(8, "funding", "f1", Values(("action", "0000000a1"), ("funder", "Parish council"), ("amount", "250")), Ann, At));
        Load(new FormRow(9, "outcomes", "o1", Values(("action", "0000000a2"), ("outcome", "dropped")), Ann, At));
        return state;
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
