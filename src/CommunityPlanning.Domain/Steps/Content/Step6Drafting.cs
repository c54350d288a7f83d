using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step6Drafting
{
    public static StepDefinition Definition { get; } = new(
        6,
        Stage.Agree,
        "Drafting your plan",
        "Write the plan, linked to what people told you. Then ask partners and the village what they think of the draft.",
        [
            new("structure-editor", "Agree the plan's structure and an editor"),
            new("theme-sections", "Write theme sections linked to the evidence"),
            new("policy-fit", "Check the plan fits district and county policies"),
            new("partners-deadline", "Send the draft to partners with a deadline for replies"),
            new("drop-in", "Hold a public drop-in or exhibition"),
            new("comments-log", "Log every comment and your response"),
            new("revise-draft", "Revise the draft"),
            new("np-sea-screening", "Get the SEA and HRA screening opinions") { NeighbourhoodPlanOnly = true },
            new("np-regulation-14", "Run the Regulation 14 consultation on the draft (at least 6 weeks)") { NeighbourhoodPlanOnly = true },
        ])
    {
        Tips =
        [
            "A common shape starts with an opening and how you made it. Then come facts about the place, what people said, your vision and the actions.",
            "Make each thing you ask for point back to what people said in step 4.",
            "Give partners a clear date to reply by. Log each comment with your answer.",
        ],
        Pitfalls =
        [
            "A long, glossy document that costs a fortune to print.",
            "Losing the link between what you recommend and what people said.",
        ],
        Outputs = ["Draft plan", "Draft action plan", "Comments log"],
        Forms =
        [
            Single(
                "draft",
                "The draft",
                "Which draft you are on, who edits it, and the consultation on it.",
                Text("version", "Draft version", max: 30, help: "For example: Draft 2."),
                Date("date", "Date of this draft"),
                Text("editor", "Who is the editor?", max: 100),
                Date("partnerDeadline", "Deadline for partners' comments"),
                Date("dropInDate", "Date of the public drop-in or exhibition"),
                Count("dropInAttendance", "How many came to the drop-in?", 100_000)),
            Rows(
                "sections",
                "Sections",
                "The plan's sections, who writes each and how far it has got.",
                30,
                Text("title", "Section", required: true, max: 150),
                Text("author", "Who is writing it?", max: 100),
                Choice("status", "Status", Options(("not-started", "Not started"), ("drafting", "Being written"), ("review", "Ready for review"), ("agreed", "Agreed")))),
            Rows(
                "comments",
                "Comments on the draft",
                "Every comment received, and what you did about it.",
                500,
                Choice("from", "Who made it?", Options(("resident", "Resident"), ("partner", "Partner"), ("council", "Council"), ("business", "Business"), ("other", "Other")), required: true),
                Text("name", "Name or organisation", max: 150),
                Date("date", "Date received"),
                Text("section", "Which section?", max: 150),
                Long("comment", "Comment", required: true, max: 2000),
                Long("response", "Your response", max: 2000),
                YesNo("changed", "Did the plan change because of it?")),
        ],
        StatutoryForms =
        [
            Single(
                "np-milestones",
                "Neighbourhood Plan: screening and Regulation 14",
                "The legal stages before the plan is sent in.",
                Date("screening", "When did you get the SEA and HRA screening decision?"),
                Choice("screeningOutcome", "What did the screening decide?", Options(
                    ("none", "No full SEA or HRA needed"), ("sea", "A full SEA is needed"), ("hra", "A full HRA is needed"), ("both", "Both are needed"))),
                Date("reg14Start", "Regulation 14 consultation start"),
                Date("reg14End", "Regulation 14 consultation end"),
                Count("reg14Responses", "How many responses came in?", 100_000)),
        ],
        Rules =
        [
            Rules.LastsAtLeast("np-milestones", "reg14Start", "reg14End", 6, "The Regulation 14 consultation"),
            Rules.InOrder("np-milestones", ("screening", "The screening decision"), ("reg14Start", "The Regulation 14 start"), ("reg14End", "The Regulation 14 end")),
        ],
    };
}
