using System.Globalization;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step9Reviewing
{
    public static StepDefinition Definition { get; } = new(
        9,
        Stage.Deliver,
        "Reviewing your plan",
        "After four or five years, look back at what got done. Ask people what has changed, and then refresh the plan.",
        [
            new("record-outcomes", "For each action, record whether it was done, and if not, why"),
            new("celebrate", "Record and celebrate what was achieved"),
            new("what-changed", "Summarise what has changed in the community"),
            new("ask-community", "Ask the community what to carry forward and what is new"),
            new("new-action-plan", "Draft a new action plan with partners"),
            new("consult-priorities", "Consult on the new priorities"),
            new("publish-refresh", "Publish the refreshed plan"),
            new("next-review", "Set the next review date"),
        ])
    {
        Tips =
        [
            "A refresh builds on what you have. You rarely need to start again from step 1.",
            "Note what changed around you too: new housing, a lost shop or bus service, big developments nearby.",
            "Thank everyone who delivered an action. It helps recruit the next team.",
        ],
        Pitfalls =
        [
            "A plan left to go stale.",
            "Treating a refresh as a full restart.",
        ],
        Outputs = ["Review report", "Refreshed action plan"],
        Forms =
        [
            Single(
                "review",
                "The review",
                "When you reviewed the plan, what has changed, and what happens next.",
                Date("reviewDate", "Date of the review", required: true),
                Date("planDate", "When was the original plan adopted?"),
                Long("changes", "What has changed in the community since the plan?", max: 2000),
                Choice("nextStep", "What next?", Options(
                    ("refresh", "Refresh the plan"), ("new-plan", "A new full community plan"),
                    ("neighbourhood-plan", "A Neighbourhood Plan"), ("close", "Close the plan"))),
                Date("nextReview", "Next review date")),
            Rows(
                "outcomes",
                "What happened to each action",
                "For each action: done or not, why, and whether to carry it forward.",
                200,
                Choice("action", "Which action?", [], required: true),
                Choice("outcome", "Outcome", Options(("done", "Done"), ("partly", "Partly done"), ("not-done", "Not done"), ("dropped", "Dropped")), required: true),
                Long("why", "If not done, why?", max: 500),
                YesNo("carryForward", "Carry it forward into the new plan?")),
            Rows(
                "achievements",
                "Achievements",
                "What the plan achieved, worth celebrating.",
                100,
                Text("achievement", "Achievement", required: true, max: 300),
                Date("date", "When?"),
                YesNo("celebrated", "Has it been celebrated?")),
        ],
        Rules =
        [
            Rules.NotBefore("review", "nextReview", "reviewDate", "The next review can't be before this review."),
        ],
        LinkedChoices =
        [
            new LinkedChoice("outcomes", "action", ActionTracking.ActionStep, ActionTracking.ActionForm, "action"),
        ],
        Computed =
        [
            new ComputedValue("review", "completed", "Actions completed", ComputedScope.Form, input =>
                ActionTracking.Completed(input.Actions).ToString(CultureInfo.InvariantCulture)),
            new ComputedValue("review", "outstanding", "Actions outstanding", ComputedScope.Form, input =>
                ActionTracking.Outstanding(input.Actions).ToString(CultureInfo.InvariantCulture)),
        ],
    };
}
