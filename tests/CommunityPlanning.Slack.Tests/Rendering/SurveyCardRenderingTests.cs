using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Surveys;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Surveys;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class SurveyCardRenderingTests
{
    [Fact]
    public void RenderReply_SurveyResultsWithMarkupAndFormulaAnswers_ShownAsTyped()
    {
        var table = new SurveyTable(
            [new SurveyColumn("<!channel> What is missing?"), new SurveyColumn("Do we need more homes in the parish over the next 10 years?")],
            [["=HYPERLINK(\"http://x\")", "Yes"], ["<@U999> a youth club", "No"], ["*a pub*", "Yes"]],
            "CSV");
        var results = SurveyTally.Tally(table, [QuestionBank.Find("H1")!], "answers.csv", DateTimeOffset.UtcNow);

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(SurveyImport.Announcement(results) with { Text = null })).Blocks;

        Assert.All(BlockKitRendererTests.MrkdwnTexts(blocks), t => Assert.DoesNotContain("<!channel>", t, StringComparison.Ordinal));
        var all = string.Join("\n", BlockKitRendererTests.PlainTexts(blocks).Concat(BlockKitRendererTests.MrkdwnTexts(blocks)));
        Assert.Contains("=HYPERLINK", all, StringComparison.Ordinal);
        Assert.Contains("Yes", all, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderReply_NeighbourhoodStageCard_TwoChecklistsAndFormButtons()
    {
        var who = new MemberRef("U1", "Alex");
        var turn = new Turn { Kind = TurnKind.Message, Conversation = new ConversationKey("slack", "T1", "C1"), From = who };
        var state = new GroupState(turn.Conversation.GroupId);
        var plan = new PlanRecord("Little Wittering", PlanType.CommunityLedThenNeighbourhood, 6, who, DateTimeOffset.UtcNow);
        state.Put(plan);

        var card = NeighbourhoodStageCommand.Build(new TurnContext(turn, state, DateTimeOffset.UtcNow), plan);
        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card)));

        Assert.Equal(2, card.Blocks.OfType<ChecklistBlock>().Count());
        var json = message.Blocks.ToJsonString();
        Assert.Contains("Regulation 14", json, StringComparison.Ordinal);
        Assert.Contains("checklist.set", json, StringComparison.Ordinal);
        Assert.Contains("form.open", json, StringComparison.Ordinal);
    }
}
