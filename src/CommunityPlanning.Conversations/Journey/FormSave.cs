using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Saves a form card: every field checked on the server, then merged with what is stored now so a
/// stale card only writes the fields this person changed. A row deleted meanwhile is never recreated.
/// </summary>
internal static class FormSave
{
    public static void Save(TurnContext context, Submission submission, StepDefinition step, FormDefinition form)
    {
        var rowId = form.Repeating ? submission.Get(JourneyVerbs.RowKey) : FormRow.SingleRowId;
        if (!FormRow.IsValidRowId(rowId) || (form.Repeating && rowId == FormRow.SingleRowId))
        {
            JourneyData.Whisper(context, "That form card is missing which row it is for. Type \"where are we\" for a fresh card.");
            return;
        }

        var resolved = StepForms.Resolve(step, form, context.State);
        if (ActionPlanRows.IsActionForm(step.Number, form.Id))
        {
            ActionPlanForm.Save(context, submission, step, resolved, rowId!, submission.Get(JourneyVerbs.NewKey) == "1");
            return;
        }

        var key = FormRow.KeyFor(step.Number, form.Id, rowId!);
        var existing = context.State.Find<FormRow>(key);
        var isNew = submission.Get(JourneyVerbs.NewKey) == "1";
        if (form.Repeating && existing is null && !isNew)
        {
            context.Show(FormViews.List(context, step, resolved, $"Someone removed that entry while you were editing it, so I haven't saved your changes."), ReplyMode.ReplaceSource);
            return;
        }

        if (form.Repeating && existing is null && StepForms.Rows(context.State, step.Number, form.Id).Count >= form.MaxRows)
        {
            context.Show(FormViews.List(context, step, resolved, $"The list is full ({JourneyData.Text(form.MaxRows)} rows), so I couldn't add that one. Remove a row first."), ReplyMode.ReplaceSource);
            return;
        }

        var checkedValues = FormValidator.Validate(resolved, submission.Inputs);
        var merged = Merge(resolved, existing?.Values, checkedValues, submission.Data);
        var errors = StepForms.RuleErrors(step, form.Id, merged, checkedValues.Errors, context.State);
        if (errors.Count > 0)
        {
            context.Show(
                FormViews.Form(context, step, resolved, rowId!, isNew && existing is null, submission.Inputs, errors, ShownValues.Carry(submission.Data)),
                ReplyMode.ReplaceSource);
            return;
        }

        if (existing is null && merged.Count == 0)
        {
            context.Show(FormViews.Form(context, step, resolved, rowId!, isNew, submission.Inputs, fingerprints: ShownValues.Carry(submission.Data), note: "There was nothing filled in, so there was nothing to save."), ReplyMode.ReplaceSource);
            return;
        }

        var changed = existing is null || !SameValues(existing.Values, merged);
        var row = changed ? new FormRow(step.Number, form.Id, rowId!, merged, context.Turn.From, context.Now) : existing!;
        if (changed)
        {
            context.State.Put(row);
        }

        var note = changed
            ? $"Saved by {context.Turn.From.Name}. Change an answer and save again, or type \"where are we\" for what's next."
            : "Nothing had changed, so there was nothing to save. Type \"where are we\" for what's next.";
        if (form.Repeating)
        {
            context.Show(FormViews.List(context, step, resolved, $"{note} ({Shorten(FieldDisplay.Summary(resolved, merged, 2))})"), ReplyMode.ReplaceSource);
        }
        else
        {
            context.Show(FormViews.Form(context, step, resolved, rowId!, isNew: false, merged, fingerprints: ShownValues.Data(resolved, merged), note: note), ReplyMode.ReplaceSource);
        }
    }

    /// <summary>
    /// Stored values, overlaid with each field this person changed (a field whose fingerprint still
    /// matches what the card showed keeps the stored value, which someone else may have changed).
    /// </summary>
    internal static Dictionary<string, string> Merge(
        FormDefinition form,
        IReadOnlyDictionary<string, string>? stored,
        FormValidation submitted,
        IReadOnlyDictionary<string, string> data)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var storedValue = stored?.GetValueOrDefault(field.Id);
            var newValue = submitted.Values.GetValueOrDefault(field.Id);
            var value = stored is not null && ShownValues.Unchanged(field, newValue, data) ? storedValue : newValue;
            if (field.Type == FieldType.Toggle && value == "false" && storedValue is null)
            {
                value = null;
            }

            if (value is not null)
            {
                merged[field.Id] = value;
            }
        }

        return merged;
    }

    private static bool SameValues(IReadOnlyDictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    internal static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
}
