using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Domain.Steps.Content.Fields;

namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step4UnderstandingCommunity
{
    public static StepDefinition Definition { get; } = new(
        4,
        Stage.Evidence,
        "Understanding your community",
        "Ask everyone what they need: people of all ages, firms and groups. Use more than one way to ask. Then look at the answers and tell people what you found.",
        [
            new("agree-methods", "Agree how you will ask people (events, surveys, small group talks)"),
            new("agree-questions", "Agree themes and questions, and pilot the questionnaire"),
            new("distribution", "Plan how surveys are handed out and collected"),
            new("outreach", "Reach groups who are often missed, such as young people and businesses"),
            new("analyse", "Enter and analyse the results"),
            new("response-rates", "Work out response rates"),
            new("feedback-event", "Publish the results and hold a feedback event"),
            new("consultation-report", "Write the consultation report"),
        ])
    {
        Tips =
        [
            "Keep the questionnaire short. Mix tick-box and open questions, and try it on a few neighbours first.",
            "Hand out surveys and pick them up by hand. You get far more back than by post.",
            "Use more than one method: events and focus groups reach people a questionnaire misses.",
            "Privacy: say on every survey why you ask, who sees the answers and how long you keep them. Keep answers anonymous: do not ask for names. Ask a parent first if a child is under 16. Shred paper forms once the answers are typed in.",
        ],
        Pitfalls =
        [
            "A questionnaire that is far too long. One village asked 108 questions.",
            "Missing young people and local businesses.",
            "Analysis that drags on for months while people wait to hear back.",
        ],
        Outputs = ["Questionnaires", "Results report", "Consultation report", "Results presentation"],
        Forms =
        [
            Rows(
                "events",
                "Consultation events",
                "Events, workshops and other ways you met people face to face.",
                50,
                Text("name", "Name", required: true, max: 150),
                Choice("method", "Method", Options(
                    ("open-event", "Open event"), ("drop-in", "Drop-in"), ("place-audit", "Place audit or walkabout"),
                    ("focus-group", "Focus group"), ("planning-for-real", "Planning for Real"), ("workshop", "Workshop"),
                    ("stall", "Stall at another event"), ("other", "Other")), required: true),
                Date("date", "Date"),
                Text("venue", "Venue", max: 150),
                Choice("target", "Who was it for?", Options(
                    ("everyone", "Everyone"), ("young-people", "Young people"), ("older-people", "Older people"),
                    ("families", "Families"), ("businesses", "Businesses"), ("groups", "Local groups"), ("other", "Others"))),
                Count("attendance", "How many came?", 100_000),
                Count("comments", "How many comments were captured?", 100_000)),
            Rows(
                "surveys",
                "Surveys",
                "Questionnaires, who they went to, and how many came back.",
                20,
                Text("name", "Name", required: true, max: 150, help: "For example: household questionnaire."),
                Choice("audience", "Who was it for?", Options(
                    ("household", "Households"), ("adult", "Adults"), ("young-people", "Young people"),
                    ("business", "Businesses"), ("organisations", "Organisations")), required: true),
                Multi("themes", "Themes covered", ChoiceLists.Themes),
                Choice("format", "Paper or online?", Options(("paper", "Paper"), ("online", "Online"), ("both", "Both"))),
                Date("opens", "Opening date"),
                Date("closes", "Closing date"),
                Count("distributed", "How many were handed out?", 1_000_000),
                Count("returned", "How many came back?", 1_000_000)),
            Rows(
                "issues",
                "Issues raised",
                "The issues people raised, with how much support each has. These are scored in step 5.",
                60,
                Text("issue", "Issue", required: true, max: 200),
                Choice("theme", "Theme", ChoiceLists.Themes, required: true),
                Choice("source", "Where did it come from?", Options(
                    ("survey", "Survey"), ("event", "Event"), ("focus-group", "Focus group"), ("place-audit", "Place audit"), ("data", "Existing data"), ("other", "Other"))),
                Percent("support", "What % of people supported it?"),
                Count("mentions", "How many times was it mentioned?", 100_000),
                Long("notes", "Notes", max: 1000)),
            Single(
                "feedback",
                "Feedback event and report",
                "How you told people what you found.",
                Date("date", "Date of the feedback event"),
                Count("attendance", "How many came?", 100_000),
                Date("reportPublished", "When was the consultation report published?")),
        ],
        Rules =
        [
            Rules.NotMoreThan("surveys", "returned", "distributed", "More came back than were handed out. Please check both numbers."),
            Rules.NotBefore("surveys", "closes", "opens", "The closing date can't be before the opening date."),
        ],
        Computed =
        [
            new ComputedValue("surveys", "responseRate", "Response rate", ComputedScope.Row, input =>
                Computations.ResponseRate(Computations.Number(input.Row, "returned"), Computations.Number(input.Row, "distributed")) is { } rate
                    ? Computations.Percent(rate)
                    : null),
            new ComputedValue("surveys", "overallRate", "Overall response rate", ComputedScope.Form, input =>
                Computations.ResponseRate(
                    Computations.Sum(input.Rows.Select(r => r.Values), "returned"),
                    Computations.Sum(input.Rows.Select(r => r.Values), "distributed")) is { } rate
                    ? Computations.Percent(rate)
                    : null),
        ],
    };
}
