using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>Common openings for scripts.</summary>
public static class ConversationSteps
{
    public static async Task<Replies> StartPlan(this ScriptedConversation chat, PlanType type = PlanType.CommunityLedPlan, string name = "Little Wittering")
    {
        await chat.Send(ScriptedConversation.Ann, "start");
        return (await chat.Press(ScriptedConversation.Ann, "Start the plan", Inputs.Of((StartPlanForm.CommunityName, name), (StartPlanForm.PlanTypeField, type.Code()))))
            .AssertReply("plan has started");
    }
}
