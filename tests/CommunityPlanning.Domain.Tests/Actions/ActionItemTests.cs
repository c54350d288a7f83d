using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Domain.Tests.Actions;

public sealed class ActionItemTests
{
    private static readonly MemberRef Sam = new("29:sam", "Sam");
    private static readonly MemberRef Alex = new("29:alex", "Alex");
    private static readonly DateTimeOffset At = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private static ActionItem NewAction() => ActionItem.Create(12, "Book the village hall", 4, Sam, At);

    [Fact]
    public void Create_NewAction_HasCreatedHistoryAndFiveDigitKey()
    {
        var action = NewAction();
        Assert.Equal("action|00012", action.Key);
        Assert.Equal(ActionStatus.NotStarted, action.Status);
        Assert.Equal("created", Assert.Single(action.History).Change);
        Assert.Equal(1, action.Revision);
    }

    [Fact]
    public void WithDue_NewDate_RecordsBothDatesInHistory()
    {
        var action = NewAction().WithDue(new DateOnly(2025, 3, 14), Sam, At).WithDue(new DateOnly(2025, 3, 21), Alex, At.AddHours(1));
        var last = action.History[^1];
        Assert.Equal("due date Fri 14 Mar 2025 → Fri 21 Mar 2025", last.Change);
        Assert.Equal(Alex, last.By);
        Assert.Equal(3, action.Revision);
    }

    [Fact]
    public void WithDue_SameDate_ReturnsSameInstance()
    {
        var action = NewAction().WithDue(new DateOnly(2025, 3, 14), Sam, At);
        Assert.Same(action, action.WithDue(new DateOnly(2025, 3, 14), Alex, At));
    }

    [Fact]
    public void WithOwner_Reassigned_RecordsNamesAndKey()
    {
        var action = NewAction().WithOwner(Sam, "u-sam", Sam, At).WithOwner(Alex, "u-alex", Sam, At);
        Assert.Equal(Alex, action.Owner);
        Assert.Equal("u-alex", action.OwnerKey);
        Assert.Equal("owner Sam → Alex", action.History[^1].Change);
    }

    [Fact]
    public void WithStatus_Completed_IsClosedWithTime()
    {
        var action = NewAction().WithStatus(ActionStatus.Completed, Sam, At);
        Assert.False(action.IsOpen);
        Assert.Equal(At, action.ClosedAt);
        Assert.Equal("status Not started → Completed", action.History[^1].Change);
        Assert.Null(action.WithStatus(ActionStatus.InProgress, Sam, At).ClosedAt);
    }

    [Fact]
    public void WithPercent_FromNotStarted_MovesToInProgress()
    {
        var action = NewAction().WithPercent(50, Sam, At);
        Assert.Equal(50, action.PercentComplete);
        Assert.Equal(ActionStatus.InProgress, action.Status);
        Assert.Contains(action.History, h => h.Change == "progress 0% → 50%");
    }

    [Fact]
    public void WithPercent_OutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewAction().WithPercent(101, Sam, At));

    [Fact]
    public void WithRag_Set_RecordsChange()
    {
        var action = NewAction().WithRag(RagRating.Amber, Sam, At);
        Assert.Equal(RagRating.Amber, action.Rag);
        Assert.Equal("RAG none → Amber", action.History[^1].Change);
    }

    [Fact]
    public void History_ManyChanges_KeepsTheLatestFifty()
    {
        var action = NewAction();
        for (var i = 1; i <= 80; i++)
        {
            action = action.WithNote($"note {i}", Sam, At.AddMinutes(i));
        }

        Assert.Equal(ActionItem.MaxHistory, action.History.Count);
        Assert.Equal(ActionItem.MaxNotes, action.Notes.Count);
        Assert.Equal("note 80", action.Notes[^1].Text);
        Assert.Equal(At.AddMinutes(80), action.History[^1].At);
        Assert.Equal(81, action.Revision);
    }

    [Theory]
    [InlineData("on hold", ActionStatus.OnHold)]
    [InlineData("In-Progress", ActionStatus.InProgress)]
    [InlineData("done", ActionStatus.Completed)]
    [InlineData("not started", ActionStatus.NotStarted)]
    [InlineData("dropped", ActionStatus.Dropped)]
    public void TryParse_StatusWords_AreRead(string text, ActionStatus expected)
    {
        Assert.True(ActionStatusNames.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("amber", RagRating.Amber)]
    [InlineData("RED", RagRating.Red)]
    [InlineData("g", RagRating.Green)]
    public void TryParse_RagWords_AreRead(string text, RagRating expected)
    {
        Assert.True(RagRatings.TryParse(text, out var rag));
        Assert.Equal(expected, rag);
    }

    [Fact]
    public void TryParse_UnknownStatus_IsFalse() => Assert.False(ActionStatusNames.TryParse("sideways", out _));
}
