using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// The buttons of the steps' form cards: open a form, add, edit or remove a repeating form's row, and
/// save. Anyone in the group can fill in forms.
/// </summary>
public sealed class FormActions : ICardActionHandler
{
    /// <inheritdoc />
    public bool Handles(string verb) =>
        verb is JourneyVerbs.OpenForm or JourneyVerbs.AddRow or JourneyVerbs.EditRow or JourneyVerbs.RemoveRow or JourneyVerbs.SaveForm;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (!JourneyData.TryStepAndForm(context, submission, out _, out var step, out var form))
        {
            return ValueTask.CompletedTask;
        }

        switch (submission.Verb)
        {
            case JourneyVerbs.OpenForm:
                context.Show(FormViews.Open(context, step, form), JourneyData.ModeFor(submission));
                break;
            case JourneyVerbs.AddRow:
                var resolved = StepForms.Resolve(step, form, context.State);
                if (!form.Repeating || StepForms.Rows(context.State, step.Number, form.Id).Count >= form.MaxRows)
                {
                    context.Show(FormViews.List(context, step, resolved, $"The list is full ({JourneyData.Text(form.MaxRows)} rows). Remove one to add another."), ReplyMode.ReplaceSource);
                    break;
                }

                var rowId = FormRow.NewRowId(context.State, step.Number, form.Id, context.Now, context.Turn.From.Id);
                context.Show(FormViews.Form(context, step, resolved, rowId, isNew: true, values: null), ReplyMode.ReplaceSource);
                break;
            case JourneyVerbs.EditRow:
            case JourneyVerbs.RemoveRow:
                EditOrRemove(context, submission, step, form);
                break;
            default:
                FormSave.Save(context, submission, step, form);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void EditOrRemove(TurnContext context, Submission submission, Domain.Steps.StepDefinition step, Domain.Forms.FormDefinition form)
    {
        var resolved = StepForms.Resolve(step, form, context.State);
        var rowId = submission.Inputs.GetValueOrDefault(JourneyVerbs.RowKey) ?? submission.Get(JourneyVerbs.RowKey);
        if (string.IsNullOrEmpty(rowId))
        {
            context.Show(FormViews.List(context, step, resolved, "Pick an entry from the list first, then press Edit or Remove."), ReplyMode.ReplaceSource);
            return;
        }

        if (ActionPlanRows.IsActionForm(step.Number, form.Id))
        {
            if (submission.Verb == JourneyVerbs.EditRow)
            {
                ActionPlanForm.Edit(context, step, resolved, rowId);
            }
            else
            {
                ActionPlanForm.Remove(context, step, resolved, rowId);
            }

            return;
        }

        var row = FormRow.IsValidRowId(rowId) && form.Repeating
            ? context.State.Find<FormRow>(FormRow.KeyFor(step.Number, form.Id, rowId))
            : null;
        if (row is null)
        {
            context.Show(FormViews.List(context, step, resolved, "That entry has already been removed. Here is the list as it is now."), ReplyMode.ReplaceSource);
            return;
        }

        if (submission.Verb == JourneyVerbs.EditRow)
        {
            context.Show(FormViews.Form(context, step, resolved, row.RowId, isNew: false, row.Values, fingerprints: ShownValues.Data(resolved, row.Values)), ReplyMode.ReplaceSource);
            return;
        }

        context.State.Remove(row.Key);
        context.Show(FormViews.List(context, step, resolved, $"Removed by {context.Turn.From.Name}: {FieldDisplay.Summary(resolved, row.Values, 2)}."), ReplyMode.ReplaceSource);
    }
}
