using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step1GettingStarted
{
    public static StepDefinition Definition { get; } = new(
        1,
        Stage.Launch,
        "Getting started",
        "Find out if people want a plan. Bring in the parish or town council and your local advisers. Then hold a public launch to sign up helpers.",
        [
            new("contact-adviser", "Contact your county's adviser and the district council"),
            new("invite-councillors", "Invite local councillors to take part"),
            new("council-agrees", "Parish or town council agrees in principle (and it is minuted)"),
            new("choose-type-area", "Choose the type of plan and the area it covers"),
            new("launch-event", "Publicise and hold an open launch event"),
            new("collect-volunteers", "Collect volunteers' names, skills and interests"),
            new("first-meeting", "Set the date of the first steering group meeting"),
            new("np-lead", "Agree who leads: the parish or town council, or a forum") { NeighbourhoodPlanOnly = true },
            new("np-area", "Ask the planning council to agree the plan's area") { NeighbourhoodPlanOnly = true },
        ])
    {
        Tips =
        [
            "Ring your county's rural community council early. Their adviser has seen many plans and can save you months.",
            "Most groups use the parish boundary as the plan area. It makes council data easier to use.",
            "At the launch, have a sign-up sheet that asks for skills and interests, not just names.",
        ],
        Pitfalls =
        [
            "A plan run only by the parish council. It needs residents in the lead to feel like everyone's plan.",
            "Picking the type of plan without advice. They take very different effort.",
        ],
        Outputs = ["Launch publicity", "Notes from the launch event", "A register of volunteers", "The parish council minute agreeing support"],
        Forms =
        [
            Single(
                "community",
                "About your community",
                "The basic facts about the place the plan is for.",
                Long("area", "Describe the area the plan covers", max: 1000, help: "Usually the parish boundary. Name any hamlets included."),
                Count("population", "Roughly how many people live there?", 10_000_000, help: "The Census figure is fine."),
                Count("households", "Roughly how many households?", 5_000_000)),
            Single(
                "support",
                "Council and advisers",
                "Who is backing the plan and who you talk to.",
                YesNo("councilSupport", "Has the parish or town council agreed to support the plan?"),
                Date("minuteDate", "Date of the council minute that records it"),
                Text("adviser", "Your community-led planning adviser", max: 100, help: "Usually from the county's rural community council."),
                Text("districtContact", "Your contact at the district council", max: 100)),
            Single(
                "launch",
                "Launch event",
                "The public event that launches the plan and recruits volunteers.",
                Date("date", "When is (or was) the launch event?", required: true),
                Text("venue", "Where is it?", max: 150),
                Count("attendance", "How many people came?", 100_000),
                Count("volunteersSignedUp", "How many signed up to help?", 10_000)),
            Rows(
                "volunteers",
                "Volunteers",
                "Everyone who has offered to help, with what they are good at.",
                200,
                Text("name", "Name", required: true, max: 100),
                Text("contact", "Email or phone", max: 200, help: "Only what they agreed to share."),
                Multi("skills", "Skills", ChoiceLists.Skills),
                Multi("themes", "Themes they care about", ChoiceLists.Themes)),
        ],
        StatutoryForms =
        [
            Single(
                "np-area",
                "Neighbourhood Plan: who leads and the area",
                "Only a parish or town council can lead one. Where there is none, a forum can, once it is agreed.",
                Choice("leadBody", "Who leads the plan?", Options(("council", "The parish or town council"), ("forum", "A designated neighbourhood forum")), required: true),
                Date("forumDesignated", "If a forum leads: when was it designated?"),
                Date("areaApplied", "When did you apply for the area?"),
                Date("areaDesignated", "When did the planning authority designate the area?")),
        ],
        Rules =
        [
            Rules.InOrder("np-area", ("areaApplied", "The application"), ("areaDesignated", "The area's designation")),
        ],
    };
}
