namespace CommunityPlanning.Domain.Forms;

/// <summary>
/// A choice field whose choices are another form's rows (a progress update picks one of the plan's
/// actions). The choices are filled in when the card is drawn and again when it is checked.
/// </summary>
/// <param name="FormId">The form holding the choice field.</param>
/// <param name="FieldId">The choice field.</param>
/// <param name="SourceStep">The step whose form supplies the choices.</param>
/// <param name="SourceForm">The form that supplies the choices (its row ids become the values).</param>
/// <param name="TitleField">The source field shown as each choice's title.</param>
public sealed record LinkedChoice(string FormId, string FieldId, int SourceStep, string SourceForm, string TitleField);
