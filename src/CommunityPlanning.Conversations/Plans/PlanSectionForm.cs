using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Plans;

/// <summary>The form a section is edited in: its text and its status, checked by the same validator as the steps' forms.</summary>
internal static class PlanSectionForm
{
    /// <summary>The form's fields: the text (required, up to <see cref="PlanSections.MaxTextLength"/>) and draft or agreed.</summary>
    public static FormDefinition Definition { get; } = new(
        "plansection",
        "Plan section",
        [
            new FieldDefinition(PlanVerbs.TextInput, "Section text", FieldType.MultilineText)
            {
                Required = true,
                MaxLength = PlanSections.MaxTextLength,
                Help = "Start a line with • for a list. A blank line starts a new paragraph.",
            },
            new FieldDefinition(PlanVerbs.StatusInput, "Status", FieldType.Choice)
            {
                Required = true,
                Choices = [new FieldChoice("draft", "Draft: still being written"), new FieldChoice("agreed", "Agreed by the group (officers only)")],
            },
        ]);

    /// <summary>
    /// The longest input a submission may carry for this form: longer than the limit, so text a little over it is
    /// answered with the error beside the field rather than refused as a strange card.
    /// </summary>
    public const int LongestInput = PlanSections.MaxTextLength + 1000;
}
