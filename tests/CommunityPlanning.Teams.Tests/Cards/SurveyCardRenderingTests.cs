using CommunityPlanning.Conversations.Surveys;
using CommunityPlanning.Domain.Surveys;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class SurveyCardRenderingTests
{
    [Fact]
    public void Render_SurveyResults_AnswersWithMarkdownAndFormulasShownAsTyped()
    {
        var table = new SurveyTable(
            [new SurveyColumn("What is missing?"), new SurveyColumn("How good is your broadband?")],
            [["**a pub** [here](http://x)", "Good"], ["=SUM(A1)", "Poor"], ["A shop", "Good"]],
            "CSV");
        var results = SurveyTally.Tally(table, [QuestionBank.Find("S2")!], "answers.csv", DateTimeOffset.UtcNow);

        var json = new AdaptiveCardRenderer().Render(SurveyCards.Results(results)).ToJsonString();

        Assert.Contains("=SUM(A1)", json, StringComparison.Ordinal);
        Assert.Contains("RichTextBlock", json, StringComparison.Ordinal); // the Markdown-looking answer is a TextRun, never read as Markdown
        Assert.Contains("Good", json, StringComparison.Ordinal);
        Assert.Contains("2 (67%)", json, StringComparison.Ordinal);
    }
}
