using System.Globalization;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step8Implementing
{
    public static StepDefinition Definition { get; } = new(
        8,
        Stage.Deliver,
        "Implementing and monitoring actions",
        "Leads carry out the actions. Keep track of how each one is going, and keep the village and the council told.",
        [
            new("implementation-group", "Set up a group to deliver the plan and decide who checks progress"),
            new("leads-confirm", "Each lead confirms their action"),
            new("funding-bids", "Use the plan as evidence in funding bids"),
            new("progress-meetings", "Hold regular progress meetings (for example every quarter)"),
            new("update-status", "Update each action's status"),
            new("report-council", "Report to the parish council and to the Annual Parish Meeting"),
            new("community-updates", "Update the community about every six months"),
            new("chase-agencies", "Chase agencies that are not acting"),
            new("quick-wins", "Celebrate quick wins"),
        ])
    {
        Tips =
        [
            "Check each action at a meeting about every three months.",
            "Red means a concern, amber means not due yet or waiting for money, green means done or on track.",
            "Tell the community what has happened at least every six months. Quick wins keep people interested.",
        ],
        Pitfalls =
        [
            "Delivery resting on a few volunteers.",
            "Less help from advisers now than while the plan was being made.",
            "Service providers who don't respond. Keep chasing, politely and on record.",
        ],
        Outputs = ["Action tracker", "Progress reports", "Annual report to the Annual Parish Meeting"],
        Forms =
        [
            Rows(
                "updates",
                "Progress updates",
                "Where each action stands now. Pick one to update it. Each change is kept in its history.",
                500,
                Choice("action", "Which action?", [], required: true),
                Choice("status", "Status", ChoiceLists.ActionStatus, required: true),
                Choice("rag", "Red, amber or green?", Options(
                    ("red", "Red: not achieved, or a concern"), ("amber", "Amber: not due yet or waiting for funding"), ("green", "Green: achieved or on track"))),
                Percent("percent", "How complete is it (%)?"),
                Long("note", "Progress note", max: ActionItem.MaxNoteLength),
                Date("nextReview", "Next review date")),
            Rows(
                "monitoring",
                "Progress meetings",
                "Meetings where the actions were reviewed.",
                100,
                Date("date", "Date", required: true),
                Count("attendees", "How many attended?", 1000),
                Count("reviewed", "How many actions were reviewed?", 1000)),
            Rows(
                "community-updates",
                "Community updates",
                "How and when you told the community about progress.",
                100,
                Choice("channel", "How?", ChoiceLists.Channels, required: true),
                Date("date", "When?", required: true),
                Text("summary", "What did you say?", max: 300)),
            Rows(
                "funding",
                "Funding secured",
                "Money raised for actions.",
                100,
                Choice("action", "Which action?", []),
                Text("funder", "Funder", required: true, max: 150),
                Pounds("amount", "Amount", required: true)),
        ],
        LinkedChoices =
        [
            new LinkedChoice("updates", "action", ActionTracking.ActionStep, ActionTracking.ActionForm, "action"),
            new LinkedChoice("funding", "action", ActionTracking.ActionStep, ActionTracking.ActionForm, "action"),
        ],
        Computed =
        [
            new ComputedValue("updates", "outstanding", "Actions still to do", ComputedScope.Form, input =>
                ActionTracking.Outstanding(input.Actions).ToString(CultureInfo.InvariantCulture)),
            new ComputedValue("updates", "completed", "Actions completed", ComputedScope.Form, input =>
                ActionTracking.Completed(input.Actions).ToString(CultureInfo.InvariantCulture)),
            new ComputedValue("funding", "total", "Total secured", ComputedScope.Form, input =>
                Computations.Sum(input.Rows.Select(r => r.Values), "amount") is { } total ? Computations.Pounds(total) : null),
        ],
    };
}
