namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step4UnderstandingCommunity
{
    public static StepDefinition Definition { get; } = new(
        4,
        Stage.Evidence,
        "Understanding your community",
        "Ask everyone — residents of all ages, businesses and groups — what they need, in several ways, then analyse the answers and report back.",
        [
            new("agree-methods", "Agree consultation methods (events, surveys, focus groups and so on)"),
            new("agree-questions", "Agree themes and questions, and pilot the questionnaire"),
            new("distribution", "Plan how surveys are handed out and collected"),
            new("outreach", "Reach groups who are often missed, such as young people and businesses"),
            new("analyse", "Enter and analyse the results"),
            new("response-rates", "Work out response rates"),
            new("feedback-event", "Publish the results and hold a feedback event"),
            new("consultation-report", "Write the consultation report"),
        ]);
}
