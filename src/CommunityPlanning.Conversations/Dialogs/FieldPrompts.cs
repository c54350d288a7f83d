using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Dialogs;

/// <summary>Turns a form field into the chat question that asks for it.</summary>
public static class FieldPrompts
{
    /// <summary>The prompt for a field, with the same limits the form card enforces.</summary>
    public static Prompt For(FieldDefinition field, string promptId)
    {
        ArgumentNullException.ThrowIfNull(field);
        var question = field.Label.EndsWith('?') ? field.Label : field.Label + "?";
        Prompt prompt = field.Type switch
        {
            FieldType.Number => new NumberPrompt(promptId, question, field),
            FieldType.Date => new DatePrompt(promptId, question),
            FieldType.Toggle => new YesNoPrompt(promptId, question),
            FieldType.Choice => new ChoicePrompt(promptId, question, field.Choices),
            FieldType.MultiChoice => new ChoicePrompt(promptId, question, field.Choices, Multiple: true),
            _ => new TextPrompt(promptId, question, field.EffectiveMaxLength) { Multiline = field.Type == FieldType.MultilineText },
        };
        return prompt with { Help = field.Help, CanSkip = !field.Required };
    }
}
