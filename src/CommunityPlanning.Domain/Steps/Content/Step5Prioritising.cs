namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step5Prioritising
{
    public static StepDefinition Definition { get; } = new(
        5,
        Stage.Agree,
        "Prioritising and planning action",
        "Turn what people said into a vision and a ranked list of priorities, with actions that each have a willing lead.",
        [
            new("group-issues", "Group the issues by theme"),
            new("mandate-test", "Test each issue: clear majority, clear minority need, or lower priority"),
            new("score-rank", "Score and rank the issues with the community's views"),
            new("vision", "Draft a vision for the community"),
            new("test-with-providers", "Test actions with service providers and get their agreement"),
            new("classify-actions", "Say who leads each action: community, partnership, agency or lobbying"),
            new("action-groups", "Form action groups and recruit volunteers"),
            new("draft-action-plan", "Draft the action plan"),
        ]);
}
