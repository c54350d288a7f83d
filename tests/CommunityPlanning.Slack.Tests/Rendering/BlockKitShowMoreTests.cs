using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class BlockKitShowMoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void RenderReply_StepCard_HasAShowMoreButtonAskingForTheStep(int step)
    {
        var who = new MemberRef("U1", "Alex");
        var turn = new Turn { Kind = TurnKind.Message, Conversation = new ConversationKey("slack", "T1", "C1"), From = who };
        var state = new GroupState(turn.Conversation.GroupId);
        var now = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);
        var plan = new PlanRecord("Little Wittering", PlanType.NeighbourhoodPlan, step, who, now);
        state.Put(plan);

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(StepCard.Build(new TurnContext(turn, state, now), plan, step))));

        BlockKitAssert.ValidMessage(message.Blocks);
        var button = message.Blocks
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Single(e => e!["text"]?["text"]?.GetValue<string>() == StepCard.ShowMoreTitle);
        var value = ActionValue.TryDecode(button!["value"]!.GetValue<string>());
        Assert.NotNull(value);
        Assert.Equal(JourneyVerbs.ShowMore, value.Verb);
        Assert.Equal(step.ToString(System.Globalization.CultureInfo.InvariantCulture), value.Data[JourneyVerbs.StepKey]);
    }

    [Fact]
    public void RenderReply_MoreCard_ShowsEveryOutputAndPitfall()
    {
        var step = StepCatalogue.Get(4);

        var message = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(StepCard.MoreCard(4, statutory: false))));

        BlockKitAssert.ValidMessage(message.Blocks);
        var text = Mrkdwn.Unescape(string.Join('\n', message.Blocks.Select(b => b!["text"]?["text"]?.GetValue<string>())));
        Assert.All(step.Pitfalls.Concat(step.Outputs), p => Assert.Contains(p, text, StringComparison.Ordinal));
    }
}
