using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Tests.Actions;

public sealed class ActionRulesTests
{
    private static readonly MemberRef Sam = new("29:sam", "Sam");
    private static readonly DateTimeOffset At = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 3, 14);

    private static ActionItem Due(int id, DateOnly? due, ActionStatus status = ActionStatus.NotStarted) =>
        new(id, $"Action {id}", 4, Sam, At) { Due = due, Status = status };

    [Fact]
    public void IsOverdue_DueYesterdayAndOpen_IsTrue() => Assert.True(Due(1, Today.AddDays(-1)).IsOverdue(Today));

    [Fact]
    public void IsOverdue_DueToday_IsFalse() => Assert.False(Due(1, Today).IsOverdue(Today));

    [Theory]
    [InlineData(ActionStatus.Completed)]
    [InlineData(ActionStatus.Dropped)]
    public void IsOverdue_Closed_IsFalse(ActionStatus status) => Assert.False(Due(1, Today.AddDays(-5), status).IsOverdue(Today));

    [Fact]
    public void IsOverdue_OnHold_StillCounts() => Assert.True(Due(1, Today.AddDays(-5), ActionStatus.OnHold).IsOverdue(Today));

    [Fact]
    public void IsOverdue_NoDueDate_IsFalse() => Assert.False(Due(1, null).IsOverdue(Today));

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(-1, false)]
    public void IsDueSoon_ByDaysAhead(int days, bool expected) => Assert.Equal(expected, Due(1, Today.AddDays(days)).IsDueSoon(Today));

    [Fact]
    public void InListOrder_Mixed_OverdueFirstThenByDateUndatedLast()
    {
        var actions = new[]
        {
            Due(1, null),
            Due(2, Today.AddDays(10)),
            Due(3, Today.AddDays(-2)),
            Due(4, Today),
            Due(5, Today.AddDays(-9)),
            Due(6, null),
        };
        Assert.Equal([5, 3, 4, 2, 1, 6], actions.InListOrder(Today).Select(a => a.Id));
    }

    [Fact]
    public void TakeNextId_EmptyGroup_StartsAtOneAndPutsTheSequence()
    {
        var state = new GroupState("g");
        Assert.Equal(1, ActionRules.TakeNextId(state));
        Assert.Equal(2, ActionRules.TakeNextId(state));
        Assert.Equal(2, state.Find<SequenceRecord>("seq|action")!.Last);
        Assert.Contains(state.Changed, r => r is SequenceRecord);
    }

    [Fact]
    public void TakeNextId_ActionsWithoutSequence_ContinuesAfterTheHighest()
    {
        var state = new GroupState("g");
        state.Load(Due(7, null), "v1");
        Assert.Equal(8, ActionRules.TakeNextId(state));
    }

    [Fact]
    public void OpenActions_SkipsClosedOnes()
    {
        var state = new GroupState("g");
        state.Load(Due(1, Today), "v");
        state.Load(Due(2, Today, ActionStatus.Completed), "v");
        Assert.Equal([1], state.OpenActions(Today).Select(a => a.Id));
    }
}
