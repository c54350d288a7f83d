using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class MilestoneOrderTests
{
    [Fact]
    public async Task SaveMilestones_BeforeOneRecordedInAnEarlierStepsForm_RefusedNamingBoth()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(PlanType.NeighbourhoodPlan);
        await chat.FillForm(Ann, 1, "Neighbourhood Plan: who leads and the area", ("leadBody", "council"), ("areaApplied", "2025-04-01"), ("areaDesignated", "2025-06-02"));

        await chat.Send(Ann, "step 6");
        await chat.Press(Ann, "Neighbourhood Plan: screening and Regulation 14");
        (await chat.Press(Ann, "Save", Inputs.Of(("reg14Start", "2025-05-01"), ("reg14End", "2025-06-20"))))
            .AssertReply("The Regulation 14 start can't be before the area's designation (Mon 2 Jun 2025, recorded in step 1: Neighbourhood Plan: who leads and the area)");
        Assert.Null(StepForms.Single(await chat.Stored(), 6, "np-milestones"));

        await chat.FillForm(Ann, 6, "Neighbourhood Plan: screening and Regulation 14", ("reg14Start", "2025-07-01"), ("reg14End", "2025-08-15"));
        await chat.Send(Ann, "step 7");
        await chat.Press(Ann, "Neighbourhood Plan: submission to referendum");
        (await chat.Press(Ann, "Save", Inputs.Of(("submitted", "2025-08-01"))))
            .AssertReply("The submission can't be before the Regulation 14 end (Fri 15 Aug 2025, recorded in step 6");

        // And the other way round: a later form's date bounds an earlier form's change.
        await chat.FillForm(Ann, 7, "Neighbourhood Plan: submission to referendum", ("submitted", "2025-09-01"));
        await chat.Send(Ann, "step 6");
        await chat.Press(Ann, "Neighbourhood Plan: screening and Regulation 14");
        (await chat.Press(Ann, "Save", Inputs.Of(("reg14Start", "2025-07-01"), ("reg14End", "2025-10-01"))))
            .AssertReply("The Regulation 14 end can't be after the submission (Mon 1 Sep 2025");
    }
}
