using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Tests.Features;

public sealed class ProgressPictureTextTests
{
    private const string Stages = "Picture of the nine steps in four stages: Launch (steps 1 to 3), Evidence (step 4), Agree (steps 5 to 7), Deliver (steps 8 and 9).";

    [Theory]
    [InlineData("ctttttttt", " Now: step 1. To do: steps 2 to 9.")]
    [InlineData("ddctttttt", " Done: steps 1 and 2. Now: step 3. To do: steps 4 to 9.")]
    [InlineData("ddtdctttd", " Done: steps 1, 2, 4 and 9. Now: step 5. To do: steps 3 and 6 to 8.")]
    [InlineData("ddddddddd", " Done: steps 1 to 9.")]
    public void AltText_Marks_SaysEachStepInWords(string code, string expected)
    {
        Assert.True(ProgressMarks.TryParse(code, out var marks));

        Assert.Equal(Stages + expected, ProgressPictureText.AltText(marks));
    }
}
