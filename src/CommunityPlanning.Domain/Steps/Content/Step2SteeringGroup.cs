namespace CommunityPlanning.Domain.Steps.Content;

internal static class Step2SteeringGroup
{
    public static StepDefinition Definition { get; } = new(
        2,
        Stage.Launch,
        "Establishing the steering group",
        "Form a group that reflects the whole community, agree how it will run, and set up working groups to share the work.",
        [
            new("representative-mix", "Recruit a mix of ages, local groups and businesses, with a cap on councillors"),
            new("elect-officers", "Elect officers (chair, secretary, treasurer and others)"),
            new("adopt-constitution", "Adopt a constitution or terms of reference"),
            new("council-reporting", "Agree how you report to the parish council, and insurance cover"),
            new("money", "Open a bank account or agree ring-fenced funds held by the parish council"),
            new("single-contact", "Name one contact for the local authority and your adviser"),
            new("meeting-pattern", "Set the meeting pattern and who takes minutes"),
            new("working-groups", "Set up themed working groups with their own terms of reference"),
        ]);
}
