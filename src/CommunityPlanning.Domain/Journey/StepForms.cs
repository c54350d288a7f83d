using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Journey;

/// <summary>Reads and checks a group's answers to the steps' forms.</summary>
public static class StepForms
{
    /// <summary>
    /// Every row of a form, in the order they were added. The action plan and progress forms' rows are the
    /// group's actions (see <see cref="ActionPlanRows"/>).
    /// </summary>
    public static IReadOnlyList<FormRow> Rows(GroupState state, int step, string formId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ActionPlanRows.IsActionForm(step, formId)
            ? ActionPlanRows.Rows(state, step, formId)
            : state.WithPrefix<FormRow>(FormRow.PrefixFor(step, formId)).ToList();
    }

    /// <summary>A single form's answers, or null when nothing has been recorded.</summary>
    public static FormRow? Single(GroupState state, int step, string formId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<FormRow>(FormRow.KeyFor(step, formId, FormRow.SingleRowId));
    }

    /// <summary>A form's rows as ids and values.</summary>
    public static IReadOnlyList<RowValues> Values(GroupState state, int step, string formId) =>
        Rows(state, step, formId).Select(r => new RowValues(r.RowId, r.Values)).ToList();

    /// <summary>
    /// The form as it applies now: choice fields linked to another form get that form's rows as choices.
    /// </summary>
    public static FormDefinition Resolve(StepDefinition step, FormDefinition form, GroupState state)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        var links = step.LinkedChoices.Where(l => string.Equals(l.FormId, form.Id, StringComparison.Ordinal)).ToList();
        if (links.Count == 0)
        {
            return form;
        }

        var fields = form.Fields.Select(field =>
        {
            var link = links.FirstOrDefault(l => string.Equals(l.FieldId, field.Id, StringComparison.Ordinal));
            if (link is null)
            {
                return field;
            }

            // Actions are picked by their own numbers (the newest when there are very many).
            var choices = ActionPlanRows.IsActionForm(link.SourceStep, link.SourceForm)
                ? state.Actions().TakeLast(ActionPlanRows.MaxShown).Select(a => new FieldChoice(ActionPlanRows.RowId(a.Id), $"{ActionPlanRows.RowId(a.Id)}. {a.Title}")).ToList()
                : Rows(state, link.SourceStep, link.SourceForm)
                    .Select((row, i) => new FieldChoice(row.RowId, $"{i + 1}. {row.Values.GetValueOrDefault(link.TitleField) ?? row.RowId}"))
                    .ToList();
            return field with { Choices = choices };
        }).ToList();
        return form with { Fields = fields };
    }

    /// <summary>Checks submitted values: each field, then the step's rules across fields.</summary>
    public static FormValidation Validate(StepDefinition step, FormDefinition form, IReadOnlyDictionary<string, string> submitted)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(form);
        var result = FormValidator.Validate(form, submitted);
        var errors = RuleErrors(step, form.Id, result.Values, result.Errors);
        return errors.Count == result.Errors.Count ? result : result with { Errors = errors };
    }

    /// <summary>
    /// The rules' errors for a set of clean values, added to field errors already found. With the group's
    /// <paramref name="state"/>, milestone dates are also checked against those in other forms (<see cref="MilestoneOrder"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> RuleErrors(
        StepDefinition step,
        string formId,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string>? fieldErrors = null,
        GroupState? state = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(fieldErrors ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var rule in step.Rules.Where(r => string.Equals(r.FormId, formId, StringComparison.Ordinal)))
        {
            if (rule.Check(values) is { } error && !errors.ContainsKey(error.FieldId))
            {
                errors[error.FieldId] = error.Message;
            }
        }

        if (state is not null && MilestoneOrder.Check(state, step.Number, formId, values) is { } order && !errors.ContainsKey(order.FieldId))
        {
            errors[order.FieldId] = order.Message;
        }

        return errors;
    }

    /// <summary>The computed values of a form (or of one row), as label and text, skipping any not yet known.</summary>
    public static IReadOnlyList<(string Label, string Value)> Computed(
        StepDefinition step,
        string formId,
        GroupState state,
        ComputedScope scope,
        IReadOnlyDictionary<string, string>? row = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(state);
        var computed = step.Computed.Where(c => c.Scope == scope && string.Equals(c.FormId, formId, StringComparison.Ordinal)).ToList();
        if (computed.Count == 0)
        {
            return [];
        }

        var input = new ComputedInput(
            row ?? new Dictionary<string, string>(),
            Values(state, step.Number, formId),
            (s, f) => Values(state, s, f))
        {
            Actions = state.Actions().ToList(),
        };
        return computed
            .Select(c => (c.Label, Value: c.Compute(input)))
            .Where(c => c.Value is not null)
            .Select(c => (c.Label, c.Value!))
            .ToList();
    }

    /// <summary>How many of a single form's fields have answers.</summary>
    public static int Answered(FormDefinition form, FormRow? row)
    {
        ArgumentNullException.ThrowIfNull(form);
        return row is null ? 0 : form.Fields.Count(f => row.Values.ContainsKey(f.Id));
    }

    /// <summary>True when a single form has every required answer (and at least one answer).</summary>
    public static bool IsFilled(FormDefinition form, FormRow? row)
    {
        ArgumentNullException.ThrowIfNull(form);
        return row is not null && row.Values.Count > 0 && form.Fields.Where(f => f.Required).All(f => row.Values.ContainsKey(f.Id));
    }
}
