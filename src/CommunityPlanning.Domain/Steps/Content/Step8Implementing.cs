namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step8Implementing
{
    public static StepDefinition Definition { get; } = new(
        8,
        Stage.Deliver,
        "Implementing and monitoring actions",
        "Deliver the actions through their leads, keep track of progress, and keep the community and council informed.",
        [
            new("implementation-group", "Set up an implementation group and decide who monitors progress"),
            new("leads-confirm", "Each lead confirms their action"),
            new("funding-bids", "Use the plan as evidence in funding bids"),
            new("progress-meetings", "Hold regular progress meetings (for example every quarter)"),
            new("update-status", "Update each action's status"),
            new("report-council", "Report to the parish council and the Annual Parish Meeting"),
            new("community-updates", "Update the community about every six months"),
            new("chase-agencies", "Chase agencies that are not acting"),
            new("quick-wins", "Celebrate quick wins"),
        ]);
}
