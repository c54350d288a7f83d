namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step7Finalising
{
    public static StepDefinition Definition { get; } = new(
        7,
        Stage.Agree,
        "Finalising your plan",
        "Sign off the plan, have the council adopt it, share it with every household and partner, and celebrate.",
        [
            new("group-signs-off", "Steering group signs off the plan"),
            new("council-adopts", "Parish or town council adopts the plan"),
            new("endorsement", "Seek endorsement from the district council and partners"),
            new("distribute", "Print and distribute the plan (at least a summary to every household)"),
            new("send-providers", "Send the plan to service providers and councils"),
            new("launch", "Hold a launch or celebration event"),
            new("thank-funders", "Thank funders and close grants"),
            new("implementation-arrangements", "Agree how the actions will be delivered"),
            new("np-submission", "Submit the plan with the Consultation and Basic Conditions statements") { NeighbourhoodPlanOnly = true },
            new("np-regulation-16", "Authority publicity (Regulation 16, at least 6 weeks)") { NeighbourhoodPlanOnly = true },
            new("np-examination", "Independent examination") { NeighbourhoodPlanOnly = true },
            new("np-referendum", "Referendum (more than half of votes in favour)") { NeighbourhoodPlanOnly = true },
            new("np-made", "Plan \"made\" by the local planning authority") { NeighbourhoodPlanOnly = true },
        ]);
}
