using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step7Finalising
{
    public static StepDefinition Definition { get; } = new(
        7,
        Stage.Agree,
        "Finalising your plan",
        "Sign off the plan and ask the council to adopt it. Share it with every home and partner, then celebrate.",
        [
            new("group-signs-off", "Steering group signs off the plan"),
            new("council-adopts", "Parish or town council adopts the plan"),
            new("endorsement", "Seek endorsement from the district council and partners"),
            new("distribute", "Print and hand out the plan (at least a summary to every home)"),
            new("send-providers", "Send the plan to service providers and councils"),
            new("launch", "Hold a launch or celebration event"),
            new("thank-funders", "Thank funders and close grants"),
            new("implementation-arrangements", "Agree how the actions will be delivered"),
            new("np-submission", "Send in the plan with its two statements (Regulation 15)") { NeighbourhoodPlanOnly = true },
            new("np-regulation-16", "Authority publicity (Regulation 16, at least 6 weeks)") { NeighbourhoodPlanOnly = true },
            new("np-examination", "Independent examination and the examiner's report") { NeighbourhoodPlanOnly = true },
            new("np-decision", "The planning authority publishes its decision statement") { NeighbourhoodPlanOnly = true },
            new("np-referendum-notices", "Put out the notices for the vote in time") { NeighbourhoodPlanOnly = true },
            new("np-referendum", "Referendum (more than half of votes in favour)") { NeighbourhoodPlanOnly = true },
            new("np-made", "Plan \"made\" by the local planning authority") { NeighbourhoodPlanOnly = true },
        ])
    {
        Tips =
        [
            "Ask the district council to endorse the plan. Agencies take an endorsed plan more seriously.",
            "A short summary through every door often does more than a thick book.",
            "Agree who will lead the work before the launch, so you keep going.",
        ],
        Pitfalls =
        [
            "Full-colour printing that breaks the budget.",
            "No endorsement, so agencies ignore the plan.",
            "Momentum lost after the launch party.",
        ],
        Outputs = ["Final plan", "Summary leaflet", "Council adoption minute", "Launch event"],
        Forms =
        [
            Single(
                "adoption",
                "Sign-off and adoption",
                "When the plan was agreed, and who has backed it.",
                Date("signOff", "When did the steering group sign it off?"),
                Date("adopted", "When did the parish or town council adopt it?"),
                Text("minuteRef", "Council minute reference", max: 50),
                Choice("endorsement", "District council endorsement", Options(
                    ("not-sought", "Not sought"), ("requested", "Requested"), ("endorsed", "Endorsed"), ("noted", "Noted"))),
                Date("endorsementDate", "Date of endorsement")),
            Single(
                "publication",
                "Publishing and launch",
                "How the plan reached people.",
                Count("printRun", "How many copies or summaries were printed?", 1_000_000),
                Count("households", "How many households received it?", 5_000_000),
                Text("link", "Web link to the published plan", max: 300),
                Date("launchDate", "Date of the launch event"),
                Count("launchAttendance", "How many came to the launch?", 100_000),
                Date("grantsClosed", "When were the grants closed off?")),
            Rows(
                "recipients",
                "Who the plan was sent to",
                "Councils, services and partners who got the plan.",
                100,
                Text("organisation", "Organisation", required: true, max: 150),
                Date("sent", "Date sent"),
                YesNo("acknowledged", "Have they acknowledged it?")),
        ],
        StatutoryForms =
        [
            Single(
                "np-examination",
                "Neighbourhood Plan: submission to referendum",
                "The legal stages from sending it in until the plan is made.",
                Date("submitted", "Date sent to the planning authority (Regulation 15)", help: "Send the area map, both statements and the screening decision with it."),
                Date("reg16Start", "Regulation 16 publicity start"),
                Date("reg16End", "Regulation 16 publicity end"),
                Date("examinerReport", "Date of the examiner's report"),
                Choice("examinationOutcome", "Examiner's recommendation", Options(
                    ("proceed", "Go to referendum"), ("modifications", "Go to referendum with changes"), ("stop", "Do not go to referendum"))),
                Date("decisionStatement", "Date of the planning authority's decision statement"),
                Date("referendumDate", "Referendum date"),
                Percent("turnout", "Turnout (%)"),
                Percent("yesPercent", "Votes in favour (%)"),
                Date("made", "Date the planning authority made the plan")),
        ],
        Rules =
        [
            Rules.LastsAtLeast("np-examination", "reg16Start", "reg16End", 6, "The Regulation 16 publicity"),
            Rules.InOrder(
                "np-examination",
                ("submitted", "The submission"),
                ("reg16Start", "The Regulation 16 start"),
                ("reg16End", "The Regulation 16 end"),
                ("examinerReport", "The examiner's report"),
                ("decisionStatement", "The decision statement"),
                ("referendumDate", "The referendum"),
                ("made", "The plan being made")),
        ],
        Computed =
        [
            new ComputedValue("np-examination", "informationStatementBy", "Publish the information statement by", ComputedScope.Row, input =>
                Computations.Date(input.Row, "referendumDate") is { } poll ? ReferendumTimetable.InformationStatementBy(poll, BankHolidayCalendar.EnglandAndWales) : null),
            new ComputedValue("np-examination", "noticeBy", "Publish the notice of referendum by", ComputedScope.Row, input =>
                Computations.Date(input.Row, "referendumDate") is { } poll ? ReferendumTimetable.NoticeBy(poll, BankHolidayCalendar.EnglandAndWales) : null),
            new ComputedValue("np-examination", "referendumResult", "Referendum result", ComputedScope.Row, input =>
                Computations.Number(input.Row, "yesPercent") is { } yes
                    ? yes > 50 ? "Passed (more than half in favour)" : "Not passed (half or fewer in favour)"
                    : null),
        ],
    };
}
