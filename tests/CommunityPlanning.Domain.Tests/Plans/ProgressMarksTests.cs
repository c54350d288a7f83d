using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Domain.Tests.Plans;

public sealed class ProgressMarksTests
{
    [Fact]
    public void From_StepProgress_CompleteIsDoneCurrentIsCurrentRestToDo()
    {
        var steps = Enumerable.Range(1, 9).Select(n => new StepProgress(
            n,
            n <= 2 || n == 5 ? StepStatus.Complete : n == 4 ? StepStatus.InProgress : StepStatus.NotStarted,
            0,
            3,
            IsCurrent: n == 3)).ToList();

        var marks = ProgressMarks.From(steps);

        Assert.Equal("ddctdtttt", marks.Code);
        Assert.Equal([1, 2, 5], marks.StepsMarked(StepMark.Done));
    }

    [Fact]
    public void From_CurrentStepComplete_IsDone()
    {
        var steps = Enumerable.Range(1, 9).Select(n => new StepProgress(n, StepStatus.Complete, 0, 0, IsCurrent: n == 9)).ToList();

        Assert.Equal("ddddddddd", ProgressMarks.From(steps).Code);
    }

    [Theory]
    [InlineData("ddctttttt", true)]
    [InlineData("ddddddddd", true)]
    [InlineData("ttttttttt", true)]
    [InlineData("ddcctdttt", false)]
    [InlineData("ddcttttt", false)]
    [InlineData("ddcttttttt", false)]
    [InlineData("DDCTTTTTT", false)]
    [InlineData("ddx/ttttt", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_Code_OnlyNineKnownLettersWithOneCurrentAtMost(string? code, bool valid)
    {
        Assert.Equal(valid, ProgressMarks.TryParse(code, out var marks));
        if (valid)
        {
            Assert.Equal(code, marks.Code);
        }
    }
}
