namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step9Reviewing
{
    public static StepDefinition Definition { get; } = new(
        9,
        Stage.Deliver,
        "Reviewing your plan",
        "After four or five years, look back at what was achieved, ask the community what has changed, and refresh the plan.",
        [
            new("record-outcomes", "For each action, record whether it was done, and if not, why"),
            new("celebrate", "Record and celebrate what was achieved"),
            new("what-changed", "Summarise what has changed in the community"),
            new("ask-community", "Ask the community what to carry forward and what is new"),
            new("new-action-plan", "Draft a new action plan with partners"),
            new("consult-priorities", "Consult on the new priorities"),
            new("publish-refresh", "Publish the refreshed plan"),
            new("next-review", "Set the next review date"),
        ]);
}
