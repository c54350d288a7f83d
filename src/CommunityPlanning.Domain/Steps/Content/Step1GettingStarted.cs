namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step1GettingStarted
{
    public static StepDefinition Definition { get; } = new(
        1,
        Stage.Launch,
        "Getting started",
        "Find out if people want a plan, bring in the parish or town council and your local advisers, and hold a public launch that recruits volunteers.",
        [
            new("contact-adviser", "Contact your county's community-led planning adviser and the district council"),
            new("invite-councillors", "Invite local councillors to take part"),
            new("council-agrees", "Parish or town council agrees in principle (and it is minuted)"),
            new("choose-type-area", "Choose the type of plan and the area it covers"),
            new("launch-event", "Publicise and hold an open launch event"),
            new("collect-volunteers", "Collect volunteers' names, skills and interests"),
            new("first-meeting", "Set the date of the first steering group meeting"),
        ]);
}
