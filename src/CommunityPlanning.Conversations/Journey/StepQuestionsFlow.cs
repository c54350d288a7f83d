using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// "Ask me the questions" for a step: every unanswered field of its single forms, and for each empty
/// repeating form an offer to add the first entry, one question at a time. Single-form answers are saved
/// as they are given; a new entry is saved once its questions are done.
/// </summary>
public sealed class StepQuestionsFlow : IDialogFlow
{
    /// <summary>The flow's name.</summary>
    public const string FlowName = "step-questions";

    private const string RowForm = "row.form";
    private const string RowId = "row.id";
    private const string RowValue = "row.v.";

    /// <inheritdoc />
    public string Name => FlowName;

    /// <summary>The values that start the flow for a step.</summary>
    public static IReadOnlyDictionary<string, string> For(int step) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [JourneyVerbs.StepKey] = JourneyData.Text(step) };

    /// <inheritdoc />
    public string Describe(TurnContext context, DialogState dialog) =>
        $"the questions for step {dialog.Values.GetValueOrDefault(JourneyVerbs.StepKey)}";

    /// <inheritdoc />
    public Prompt? Next(TurnContext context, DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialog);
        if (context.Plan is not { } plan || !StepArgument.TryParse(dialog.Values.GetValueOrDefault(JourneyVerbs.StepKey), out var number))
        {
            return null;
        }

        var step = StepCatalogue.Get(number);
        var forms = step.FormsFor(plan.PlanType).ToList();
        var count = forms.Count;
        for (var i = 0; i < count; i++)
        {
            var form = StepForms.Resolve(step, forms[i], context.State);
            var heading = $"Step {JourneyData.Text(number)} · {form.Title}";
            if (!form.Repeating)
            {
                var stored = StepForms.Single(context.State, number, form.Id)?.Values;
                var field = form.Fields.FirstOrDefault(f => stored?.ContainsKey(f.Id) != true && !dialog.Skipped.Contains(SingleId(form, f)) && Askable(f));
                if (field is not null)
                {
                    return FieldPrompts.For(field, SingleId(form, field)) with { Heading = heading, CanSkip = true };
                }

                continue;
            }

            if (dialog.Values.GetValueOrDefault(RowForm) == form.Id)
            {
                var field = form.Fields.FirstOrDefault(f => !Answered(dialog, f) && !dialog.Skipped.Contains(RowFieldId(form, f)) && Askable(f));
                if (field is not null)
                {
                    return FieldPrompts.For(field, RowFieldId(form, field)) with { Heading = heading + " (new entry)" };
                }

                continue;
            }

            var addId = form.Id + "+add";
            if (StepForms.Rows(context.State, number, form.Id).Count == 0 && !dialog.Skipped.Contains(addId) && form.Fields.Where(f => f.Required).All(Askable))
            {
                return new YesNoPrompt(addId, $"There's nothing in \"{form.Title}\" yet. Shall we add the first entry now?") { Heading = heading, Help = form.Description };
            }
        }

        return null;
    }

    /// <inheritdoc />
    public DialogStep Accept(TurnContext context, DialogState dialog, Prompt prompt, string? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(prompt);
        var number = int.Parse(dialog.Values[JourneyVerbs.StepKey], System.Globalization.CultureInfo.InvariantCulture);
        var step = StepCatalogue.Get(number);
        var plus = prompt.Id.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return value is null ? new DialogStep(dialog) : SaveSingleAnswer(context, dialog, step, prompt.Id, value);
        }

        var form = StepForms.Resolve(step, step.Form(prompt.Id[..plus])!, context.State);
        var fieldId = prompt.Id[(plus + 1)..];
        if (fieldId == "add")
        {
            return value == "true"
                ? new DialogStep(With(dialog, (RowForm, form.Id), (RowId, FormRow.NewRowId(context.State, number, form.Id, context.Now, context.Turn.From.Id))))
                : new DialogStep(dialog with { Skipped = [.. dialog.Skipped, prompt.Id] });
        }

        var updated = value is null ? dialog : With(dialog, (RowValue + fieldId, value));
        var answers = RowAnswers(updated, form);
        if (value is not null && StepForms.RuleErrors(step, form.Id, answers, state: context.State).GetValueOrDefault(fieldId) is { } ruleError)
        {
            return new DialogStep(dialog, ruleError);
        }

        return form.Fields.All(f => Answered(updated, f) || updated.Skipped.Contains(RowFieldId(form, f)) || !Askable(f))
            ? FinishRow(context, updated, step, form, answers)
            : new DialogStep(updated);
    }

    /// <inheritdoc />
    public void Finish(TurnContext context, DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialog);
        if (context.Plan is { } plan && StepArgument.TryParse(dialog.Values.GetValueOrDefault(JourneyVerbs.StepKey), out var number))
        {
            context.Say($"That's all I have to ask about step {JourneyData.Text(number)} for now. Here's where it stands.");
            context.Show(StepCard.Build(context, plan, number));
        }
    }

    /// <inheritdoc />
    public Card? Fallback(TurnContext context, DialogState dialog, Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(prompt);
        var formId = prompt.Id.Split('.', '+')[0];
        return StepArgument.TryParse(dialog.Values.GetValueOrDefault(JourneyVerbs.StepKey), out var number)
            && StepCatalogue.Get(number).Form(formId) is { } form
                ? FormViews.Open(context, StepCatalogue.Get(number), form)
                : null;
    }

    private static DialogStep SaveSingleAnswer(TurnContext context, DialogState dialog, StepDefinition step, string promptId, string value)
    {
        var dot = promptId.IndexOf('.', StringComparison.Ordinal);
        var form = step.Form(promptId[..dot])!;
        var fieldId = promptId[(dot + 1)..];
        var existing = StepForms.Single(context.State, step.Number, form.Id);
        var values = new Dictionary<string, string>(existing?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [fieldId] = value };
        if (StepForms.RuleErrors(step, form.Id, values, state: context.State).GetValueOrDefault(fieldId) is { } ruleError)
        {
            return new DialogStep(dialog, ruleError);
        }

        context.State.Put(new FormRow(step.Number, form.Id, FormRow.SingleRowId, values, context.Turn.From, context.Now));
        return new DialogStep(dialog);
    }

    private static DialogStep FinishRow(TurnContext context, DialogState dialog, StepDefinition step, FormDefinition form, Dictionary<string, string> answers)
    {
        var cleared = dialog with
        {
            Values = dialog.Values.Where(p => p.Key is not RowForm and not RowId && !p.Key.StartsWith(RowValue, StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Skipped = [.. dialog.Skipped.Where(s => !s.StartsWith(form.Id + "+", StringComparison.Ordinal)), form.Id + "+add"],
        };
        var check = StepForms.Validate(step, form, answers);
        if (!check.IsValid)
        {
            return new DialogStep(cleared, Note: $"I haven't saved that entry in \"{form.Title}\": {check.Errors.Values.First()} You can add it on the form instead.");
        }

        if (StepForms.Rows(context.State, step.Number, form.Id).Count >= form.MaxRows)
        {
            return new DialogStep(cleared, Note: $"\"{form.Title}\" is full, so I couldn't add that entry.");
        }

        var rowId = dialog.Values[RowId];
        if (ActionPlanRows.IsActionForm(step.Number, form.Id))
        {
            var action = context.State.Actions().FirstOrDefault(a => string.Equals(a.SourceId, rowId, StringComparison.Ordinal))
                ?? ActionPlanForm.Create(context, check.Values, rowId);
            return new DialogStep(cleared, Note: $"Saved to \"{form.Title}\" as action {JourneyData.Text(action.Id)}: {FieldDisplay.Summary(form, check.Values, 2)}. You can add more on the form.");
        }

        context.State.Put(new FormRow(step.Number, form.Id, rowId, check.Values, context.Turn.From, context.Now));
        return new DialogStep(cleared, Note: $"Saved to \"{form.Title}\": {FieldDisplay.Summary(form, check.Values, 2)}. You can add more on the form.");
    }

    private static Dictionary<string, string> RowAnswers(DialogState dialog, FormDefinition form) =>
        form.Fields.Where(f => Answered(dialog, f)).ToDictionary(f => f.Id, f => dialog.Values[RowValue + f.Id], StringComparer.Ordinal);

    private static DialogState With(DialogState dialog, params (string Key, string Value)[] pairs)
    {
        var values = new Dictionary<string, string>(dialog.Values, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            values[key] = value;
        }

        return dialog with { Values = values };
    }

    private static bool Answered(DialogState dialog, FieldDefinition field) => dialog.Values.ContainsKey(RowValue + field.Id);

    // A linked choice with nothing to pick from can't be answered in the chat.
    private static bool Askable(FieldDefinition field) => field.Type is not (FieldType.Choice or FieldType.MultiChoice) || field.Choices.Count > 0;

    private static string SingleId(FormDefinition form, FieldDefinition field) => form.Id + "." + field.Id;

    private static string RowFieldId(FormDefinition form, FieldDefinition field) => form.Id + "+" + field.Id;
}
