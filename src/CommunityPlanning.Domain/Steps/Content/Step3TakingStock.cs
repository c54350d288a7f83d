namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step3TakingStock
{
    public static StepDefinition Definition { get; } = new(
        3,
        Stage.Launch,
        "Taking stock and planning ahead",
        "Gather what is already known about your community, see who can help, and plan the budget, timetable and communications.",
        [
            new("community-profile", "Build a community profile from Census and other existing data"),
            new("existing-plans", "List existing plans and policies that affect the area"),
            new("skills-audit", "Carry out a skills audit of the group"),
            new("stakeholders", "Map stakeholders and service providers"),
            new("budget-grants", "Draft a budget and apply for grants"),
            new("project-plan", "Write a project plan with milestones"),
            new("communications-plan", "Agree a communications plan that reaches hard-to-reach groups"),
        ]);
}
