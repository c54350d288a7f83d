using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Plans;

/// <summary>The form that starts a group's plan: the community's name and the type of plan.</summary>
public static class StartPlanForm
{
    /// <summary>Field id of the community name.</summary>
    public const string CommunityName = "communityName";

    /// <summary>Field id of the plan type.</summary>
    public const string PlanTypeField = "planType";

    /// <summary>The form.</summary>
    public static FormDefinition Definition { get; } = new(
        "start",
        "Start your plan",
        [
            new FieldDefinition(CommunityName, "Which village, parish or town is the plan for?", FieldType.Text)
            {
                Required = true,
                MaxLength = PlanRecord.MaxCommunityNameLength,
                Help = "For example: Little Wittering",
            },
            new FieldDefinition(PlanTypeField, "What kind of plan are you making?", FieldType.Choice)
            {
                Required = true,
                Choices = PlanTypes.All.Select(t => new FieldChoice(t.Code(), t.Title())).ToList(),
                Help = "Not sure? Choose Community Led Plan. Talk to your local adviser before choosing a Neighbourhood Plan.",
            },
        ])
    {
        Description = "Tell me two things and I'll set up your plan. You can change them later.",
    };
}
