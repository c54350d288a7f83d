using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step3TakingStock
{
    public static StepDefinition Definition { get; } = new(
        3,
        Stage.Launch,
        "Taking stock and planning ahead",
        "Gather what is known about your area and see who can help. Then plan the budget, the timetable and how you will keep people told.",
        [
            new("community-profile", "Build a profile of the area from the Census and other data"),
            new("existing-plans", "List the plans and rules that already cover the area"),
            new("skills-audit", "Carry out a skills audit of the group"),
            new("stakeholders", "Map stakeholders and service providers"),
            new("budget-grants", "Draft a budget and apply for grants"),
            new("project-plan", "Write a project plan with milestones"),
            new("communications-plan", "Agree a communications plan that reaches hard-to-reach groups"),
        ])
    {
        Tips =
        [
            "Start the profile from Census figures and your district council's facts. Don't survey for facts you can look up.",
            "Ask service providers (highways, health, police) in now, not at the end. They can tell you what is realistic.",
            "Most community plans cost a few thousand pounds. Printing is often the biggest bill.",
        ],
        Pitfalls =
        [
            "Not allowing enough time from helpers, or enough money to print.",
            "Involving service providers too late for them to help shape the actions.",
        ],
        Outputs = ["Community profile", "Stakeholder list", "Budget", "Project plan", "Communications plan"],
        Forms =
        [
            Rows(
                "profile",
                "Community profile",
                "Facts and figures about the community, with where they came from.",
                100,
                Text("indicator", "What is measured?", required: true, max: 150, help: "For example: people aged over 65."),
                Text("value", "Value", required: true, max: 100),
                Text("source", "Source", max: 150, help: "For example: Census 2021."),
                Year("year", "Year")),
            Rows(
                "documents",
                "Existing plans and documents",
                "Plans and policies that already affect the area.",
                50,
                Text("title", "Title", required: true, max: 200),
                Text("owner", "Who wrote it?", max: 150),
                Year("year", "Year"),
                Long("relevance", "Why it matters to your plan", max: 500)),
            Rows(
                "stakeholders",
                "Stakeholders",
                "Organisations and people who can help or need to be involved.",
                100,
                Text("organisation", "Organisation", required: true, max: 150),
                Choice("type", "Type", Options(
                    ("district-council", "District council"), ("county-council", "County council"), ("highways", "Highways"),
                    ("police", "Police"), ("health", "GP or health service"), ("school", "School"),
                    ("housing-association", "Housing association"), ("transport", "Transport operator"),
                    ("local-group", "Local group"), ("business", "Business"), ("landowner", "Landowner"), ("other", "Other")), required: true),
                Text("contact", "Contact", max: 200),
                Long("interest", "What is their interest?", max: 500),
                Choice("involveAt", "At which step should they be involved?", ChoiceLists.Steps)),
            Rows(
                "budget",
                "Budget",
                "What the plan will cost and who pays.",
                50,
                Text("item", "Item", required: true, max: 150),
                Pounds("cost", "Cost", required: true),
                Text("funder", "Who pays?", max: 150),
                Choice("status", "Status", Options(("estimate", "Estimate"), ("applied", "Applied for"), ("secured", "Secured"), ("spent", "Spent")))),
            Rows(
                "grants",
                "Grant applications",
                "Grants you plan to apply for, or have applied for.",
                30,
                Text("funder", "Funder", required: true, max: 150),
                Pounds("requested", "Amount requested"),
                Date("submitted", "Date submitted"),
                Choice("outcome", "Outcome", Options(
                    ("planned", "Planned"), ("submitted", "Submitted"), ("awarded", "Awarded"), ("refused", "Refused"), ("withdrawn", "Withdrawn"))),
                Pounds("awarded", "Amount awarded")),
            Rows(
                "tasks",
                "Project plan",
                "The main tasks and milestones, with who does them and when.",
                100,
                Text("task", "Task", required: true, max: 200),
                Text("owner", "Who does it?", max: 100),
                Date("start", "Start"),
                Date("due", "Due"),
                Choice("status", "Status", Options(("not-started", "Not started"), ("in-progress", "In progress"), ("done", "Done")))),
            Single(
                "communications",
                "Communications plan",
                "How you will keep everyone informed and involved.",
                Multi("channels", "Which channels will you use?", ChoiceLists.Channels),
                Long("hardToReach", "How will you reach people who don't usually take part?", max: 1000)),
        ],
        Rules =
        [
            Rules.NotBefore("tasks", "due", "start", "The due date can't be before the start date."),
        ],
        Computed =
        [
            new ComputedValue("budget", "total", "Total budget", ComputedScope.Form, input =>
                Computations.Sum(input.Rows.Select(r => r.Values), "cost") is { } total ? Computations.Pounds(total) : null),
            new ComputedValue("grants", "awardedTotal", "Total awarded", ComputedScope.Form, input =>
                Computations.Sum(input.Rows.Select(r => r.Values), "awarded") is { } total ? Computations.Pounds(total) : null),
        ],
    };
}
