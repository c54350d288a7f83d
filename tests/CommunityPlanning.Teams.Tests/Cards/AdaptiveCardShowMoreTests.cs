using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveCardShowMoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void Render_StepCard_FoldsEveryOutputAndPitfallBehindShowCard(int number)
    {
        var who = new MemberRef("29:ann", "Ann");
        var turn = new Turn { Kind = TurnKind.Message, Conversation = new ConversationKey("msteams", "tenant", "19:chat"), From = who };
        var state = new GroupState(turn.Conversation.GroupId);
        var now = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);
        var plan = new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, number, who, now);
        state.Put(plan);

        var card = new AdaptiveCardRenderer().Render(StepCard.Build(new TurnContext(turn, state, now), plan, number));

        var showCard = card["body"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(b => b!["actions"]!.AsArray())
            .Single(a => a!["type"]!.GetValue<string>() == "Action.ShowCard");
        Assert.Equal(StepCard.ShowMoreTitle, showCard!["title"]!.GetValue<string>());
        var folded = string.Join('\n', showCard["card"]!["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()));
        var step = StepCatalogue.Get(number);
        Assert.All(step.Pitfalls.Concat(step.Outputs), p => Assert.Contains(AdaptiveText.Escape(p), folded, StringComparison.Ordinal));
        Assert.True(AdaptiveCardRenderer.MeasureBytes(card) < AdaptiveCardRenderer.RecommendedMaxBytes);
    }
}
