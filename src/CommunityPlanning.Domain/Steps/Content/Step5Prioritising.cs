using System.Globalization;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step5Prioritising
{
    public static StepDefinition Definition { get; } = new(
        5,
        Stage.Agree,
        "Prioritising and planning action",
        "Turn what people said into a vision and a ranked list of what matters most. Give each action a willing lead.",
        [
            new("group-issues", "Group the issues by theme"),
            new("mandate-test", "Test each issue: clear majority, clear minority need, or lower priority"),
            new("score-rank", "Score and rank the issues with the community's views"),
            new("vision", "Draft a vision for the community"),
            new("test-with-providers", "Check actions with the services that would help, and get their yes"),
            new("classify-actions", "Say who leads each action: community, partnership, agency or lobbying"),
            new("action-groups", "Form action groups and recruit volunteers"),
            new("draft-action-plan", "Draft the action plan"),
            new("np-policies", "Turn the land-use issues into draft planning policies") { NeighbourhoodPlanOnly = true },
        ])
    {
        Tips =
        [
            "Each member can score each issue: how much it matters, how soon, and how doable it is. Type \"score\" to start.",
            "Keep what most people want. Also keep what a few people badly need, such as help for older people.",
            "Every action needs a named lead who has said yes. Ask partners before you name them.",
        ],
        Pitfalls =
        [
            "A wish-list for other people to deliver.",
            "Too many actions for the volunteers you have.",
            "Actions with no named lead, or partners named without being asked.",
        ],
        Outputs = ["Ranked list of issues", "Vision", "Draft action plan"],
        Forms =
        [
            Single(
                "vision",
                "Vision",
                "A few sentences about the community you want to be in 10 years.",
                Long("vision", "Your vision", required: true, max: 1000)),
            Rows(
                "priorities",
                "More issues to score",
                "Step 4's issues are scored automatically. Add any others the group wants to score here.",
                40,
                Text("issue", "Issue", required: true, max: 200),
                Choice("theme", "Theme", ChoiceLists.Themes, required: true),
                Percent("support", "What % of people supported it?")),
            Rows(
                "actions",
                "Action plan",
                "What will be done, by whom, by when. Each entry is an action, the same list as actions made in chat.",
                500,
                Text("action", "Action", required: true, max: 300),
                Choice("theme", "Theme", ChoiceLists.Themes),
                Text("issue", "Which issue or evidence does it answer?", max: 200),
                Choice("type", "Who leads it?", Options(
                    ("community", "Community-led"), ("partnership", "Partnership with the council or an agency"),
                    ("agency", "Agency-led (the parish council chases them)"), ("lobbying", "Lobbying or campaigning")), required: true),
                Text("lead", "Named lead (who has agreed)", max: 100),
                Text("partners", "Partners (who have agreed)", max: 300),
                Choice("timescale", "Timescale", Options(("short", "Short (within a year)"), ("medium", "Medium (1 to 3 years)"), ("long", "Long (over 3 years)"))),
                Date("target", "Target date"),
                Pounds("cost", "Cost estimate"),
                Text("funding", "Where the money comes from", max: 150),
                Choice("priority", "Priority", Options(("high", "High"), ("medium", "Medium"), ("low", "Low"))),
                Choice("status", "Status", ChoiceLists.ActionStatus),
                Text("measure", "How will you know it worked?", max: 300)),
        ],
        StatutoryForms =
        [
            Rows(
                "np-policies",
                "Neighbourhood Plan policies",
                "A Neighbourhood Plan only holds policies on the use of land: what is built, where, and how it looks.",
                60,
                Text("title", "Policy", required: true, max: 150, help: "For example: Protect the green by the church."),
                Choice("topic", "Topic", Options(
                    ("housing", "Housing"), ("design", "Design and character"), ("green-space", "Green spaces and nature"),
                    ("business", "Jobs and shops"), ("transport", "Roads, paths and parking"), ("facilities", "Shared places"),
                    ("heritage", "Heritage"), ("other", "Other")), required: true),
                Long("wording", "What the policy says", max: 2000),
                Text("evidence", "What evidence backs it?", max: 300)),
        ],
        Computed =
        [
            new ComputedValue("priorities", "toScore", "Issues to score (with step 4's)", ComputedScope.Form, input =>
                (input.Rows.Count + input.Lookup(4, "issues").Count).ToString(CultureInfo.InvariantCulture)),
            new ComputedValue("actions", "outstanding", "Actions still to do", ComputedScope.Form, input =>
                ActionTracking.Outstanding(input.Actions).ToString(CultureInfo.InvariantCulture)),
        ],
    };
}
