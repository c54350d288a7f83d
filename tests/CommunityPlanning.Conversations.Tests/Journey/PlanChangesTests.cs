using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class PlanChangesTests
{
    [Fact]
    public async Task RenamePlan_ByTheChair_ChangesTheName()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "rename plan Great Wittering")).AssertReply("Little Wittering's plan is now Great Wittering's plan");

        Assert.Equal("Great Wittering", (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
        (await chat.Send(Bob, "help")).AssertReply("Great Wittering");
    }

    [Fact]
    public async Task RenamePlan_ByAMember_IsRefusedAndNamesTheOfficers()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");

        (await chat.Send(Bob, "rename plan Bobsville")).AssertReply("Only the chair, vice-chair, secretary or treasurer can change the plan").AssertReply("Ask Ann (Chair)");

        Assert.Equal("Little Wittering", (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
    }

    [Fact]
    public async Task RenamePlan_TooLong_SaysWhyAndKeepsTheName()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "rename plan " + new string('x', 81))).AssertReply("Try again");

        Assert.Equal("Little Wittering", (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.CommunityName);
    }

    [Fact]
    public async Task ChangePlanType_ToNeighbourhoodPlan_AddsTheStatutoryStages()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, "step 1")).AssertNoReply("Neighbourhood Plan: who leads");

        (await chat.Send(Ann, "change plan type")).AssertReply("Now: Community Led Plan");
        (await chat.Press(Ann, "Change the type", Inputs.Of((StartPlanForm.PlanTypeField, PlanType.NeighbourhoodPlan.Code()))))
            .AssertReply("changed the plan type from Community Led Plan (Parish Plan) to Neighbourhood Plan");

        await chat.Send(Ann, "step 1");
        (await chat.Press(Ann, "Forms")).AssertReply("Neighbourhood Plan: who leads and the area");
    }

    [Fact]
    public async Task ChangePlanType_ButtonPressedByAMember_IsRefusedPrivately()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "change plan type");

        (await chat.Press(Bob, "Change the type", Inputs.Of((StartPlanForm.PlanTypeField, PlanType.VillageAppraisal.Code()))))
            .AssertReply("Only the chair, vice-chair, secretary or treasurer can change the plan").AssertMode(Turns.ReplyMode.Private);

        Assert.Equal(PlanType.CommunityLedPlan, (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.PlanType);
    }

    [Fact]
    public async Task CarryForward_AtStep9_StartsANewCycleKeepingHistoryAndCarriedActions()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"));
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Litter pick"), ("type", "community"));
        await chat.TickAll(Ann);
        for (var step = 1; step < 9; step++)
        {
            await chat.Send(Ann, "step complete");
            await chat.Press(Ann, step == 1 ? "Yes, complete it" : "Complete anyway");
        }

        var actions = StepForms.Rows(await chat.Stored(), 5, "actions");
        var speedWatch = actions.Single(r => r.Values["action"] == "Community speed watch").RowId;
        var litter = actions.Single(r => r.Values["action"] == "Litter pick").RowId;
        await chat.AddRow(Ann, 9, "What happened to each action", ("action", speedWatch), ("outcome", "partly"), ("carryForward", "true"));
        await chat.AddRow(Ann, 9, "What happened to each action", ("action", litter), ("outcome", "done"), ("carryForward", "false"));

        (await chat.Send(Ann, "carry forward"))
            .AssertReply("Cycle 2 of Little Wittering's plan has started")
            .AssertReply("Community speed watch")
            .AssertNoReply("Litter pick");

        var state = await chat.Stored();
        var plan = state.Find<PlanRecord>(PlanRecord.Kind)!;
        Assert.Equal((1, 2), (plan.CurrentStep, plan.Cycle));
        var history = state.Find<CycleRecord>(CycleRecord.KeyFor(1))!;
        Assert.Equal(Enumerable.Range(1, 8), history.Steps.Select(s => s.Step));
        Assert.Equal(7, history.Ticks);
        Assert.Equal(["Community speed watch"], history.CarriedForward);
        Assert.Equal(2, StepForms.Rows(state, 5, "actions").Count);
        (await chat.Send(Ann, "where are we")).AssertReply("Step 1: Getting started").AssertReply("Checklist: 0 of 7 ticked");
    }

    [Fact]
    public async Task CarryForward_BeforeStep9_SaysWhenItCan()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "carry forward")).AssertReply("A new cycle starts from step 9").AssertReply("You're on step 1");

        Assert.Equal(1, (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.Cycle);
    }
}
