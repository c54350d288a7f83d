using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Forms;

/// <summary>Turns a form definition, with any values and errors, into card inputs.</summary>
public static class FormCards
{
    /// <summary>The inputs for a form, showing values and errors by field id.</summary>
    public static IReadOnlyList<CardBlock> Inputs(
        FormDefinition form,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Fields.Select(field => (CardBlock)new InputBlock(Input(field, values?.GetValueOrDefault(field.Id), errors?.GetValueOrDefault(field.Id)))).ToList();
    }

    /// <summary>One input for one field.</summary>
    public static InputField Input(FieldDefinition field, string? value, string? error)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new InputField(field.Id, field.Label, field.Type)
        {
            Value = value,
            Required = field.Required,
            Help = field.Help,
            MaxLength = field.Type is FieldType.Text or FieldType.MultilineText ? field.EffectiveMaxLength : null,
            Min = field.Min,
            Max = field.Max,
            WholeNumber = field.Type == FieldType.Number && field.WholeNumber,
            Choices = field.Choices.Select(c => new InputChoice(c.Value, c.Title)).ToList(),
            Error = error,
        };
    }
}
