namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step6Drafting
{
    public static StepDefinition Definition { get; } = new(
        6,
        Stage.Agree,
        "Drafting your plan",
        "Write the plan, linked to your evidence, and ask partners and the community what they think of the draft.",
        [
            new("structure-editor", "Agree the plan's structure and an editor"),
            new("theme-sections", "Write theme sections linked to the evidence"),
            new("policy-fit", "Check the plan fits district and county policies"),
            new("partners-deadline", "Send the draft to partners with a deadline for replies"),
            new("drop-in", "Hold a public drop-in or exhibition"),
            new("comments-log", "Log every comment and your response"),
            new("revise-draft", "Revise the draft"),
            new("np-sea-screening", "Get the SEA and HRA screening opinions") { NeighbourhoodPlanOnly = true },
            new("np-regulation-14", "Run the Regulation 14 pre-submission consultation (at least 6 weeks)") { NeighbourhoodPlanOnly = true },
        ]);
}
