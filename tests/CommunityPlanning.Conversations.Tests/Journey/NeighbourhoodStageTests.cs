using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class NeighbourhoodStageTests
{
    [Fact]
    public async Task CommunityLedThenNeighbourhood_Steps6And7_NotHeldUpByTheStatutoryStages_TickedOnTheirOwnCard()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(PlanType.CommunityLedThenNeighbourhood);

        // Step 1 keeps who leads and the area; step 6's checklist has no Regulation 14 item.
        (await chat.Send(Ann, "checklist 1")).AssertReply("Agree who leads");
        (await chat.Send(Ann, "checklist 6")).AssertNoReply("Regulation 14");

        var card = (await chat.Send(Ann, "neighbourhood plan")).AssertReply("Run the Regulation 14 consultation").AssertReply("Plan \"made\" by the local planning authority").Card;
        var block = card.Blocks.OfType<ChecklistBlock>().First();
        var item = block.Items.First(i => i.Text.Contains("Regulation 14", StringComparison.Ordinal));
        var ticked = await chat.Submit(Bob, block.Verb, new Dictionary<string, string>(block.Data) { [ChecklistBlock.ItemKey] = item.Id, [ChecklistBlock.DoneKey] = "true" });
        ticked.AssertReply("Neighbourhood Plan stages").AssertReply("1 of");
        Assert.True((await chat.Stored()).Find<ChecklistTick>(ChecklistTick.KeyFor(6, item.Id))!.Done);

        // Step 6's progress counts only its own items.
        var state = await chat.Stored();
        var plan = state.Find<PlanRecord>(PlanRecord.Kind)!;
        Assert.DoesNotContain(PlanProgress.OpenItems(state, plan, 6), i => i.NeighbourhoodPlanOnly);
        Assert.DoesNotContain(PlanProgress.OpenItems(state, plan, 7), i => i.NeighbourhoodPlanOnly);
        Assert.Contains(PlanProgress.OpenItems(state, plan, 1), i => i.NeighbourhoodPlanOnly);
    }

    [Fact]
    public async Task NeighbourhoodPlan_StagesStayInSteps6And7_AndTheCommandSaysSo()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(PlanType.NeighbourhoodPlan);

        (await chat.Send(Ann, "checklist 6")).AssertReply("Regulation 14");
        (await chat.Send(Ann, "neighbourhood plan")).AssertReply("part of steps 1, 5, 6 and 7");
    }

    [Fact]
    public async Task CommunityLedPlan_NoStages_ToldHowToChangeType()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Bob, "np stages")).AssertReply("has no Neighbourhood Plan stages").AssertReply("change plan type");
    }
}
