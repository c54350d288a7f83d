using System.Globalization;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Forms;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>The cards for the steps' forms: a form or row to fill in, and a repeating form's list.</summary>
internal static class FormViews
{
    /// <summary>The card for a single form, or the list for a repeating one, as stored now.</summary>
    public static Card Open(TurnContext context, StepDefinition step, FormDefinition form, string? note = null)
    {
        var resolved = StepForms.Resolve(step, form, context.State);
        if (form.Repeating)
        {
            return List(context, step, resolved, note);
        }

        var values = StepForms.Single(context.State, step.Number, form.Id)?.Values;
        return Form(context, step, resolved, FormRow.SingleRowId, isNew: false, values, fingerprints: ShownValues.Data(resolved, values), note: note);
    }

    /// <summary>A form (or one row of a repeating form) to fill in.</summary>
    /// <param name="context">The turn.</param>
    /// <param name="step">The step.</param>
    /// <param name="form">The form, with linked choices resolved.</param>
    /// <param name="rowId">The row the card saves to.</param>
    /// <param name="isNew">True when the row does not exist yet.</param>
    /// <param name="values">The values to show in the inputs.</param>
    /// <param name="errors">Messages to show beside fields.</param>
    /// <param name="fingerprints">Data pairs fingerprinting the stored values the person started from (none for a new row).</param>
    /// <param name="note">A line at the top, such as "Saved".</param>
    public static Card Form(
        TurnContext context,
        StepDefinition step,
        FormDefinition form,
        string rowId,
        bool isNew,
        IReadOnlyDictionary<string, string>? values,
        IReadOnlyDictionary<string, string>? errors = null,
        IEnumerable<(string Key, string Value)>? fingerprints = null,
        string? note = null)
    {
        var blocks = new List<CardBlock>();
        if (form.Description is not null)
        {
            blocks.Add(new TextBlock(form.Description, TextTone.Subtle));
        }

        if (errors is { Count: > 0 })
        {
            blocks.Add(new TextBlock("Please check the answers marked below. Nothing has been saved yet.", TextTone.Error));
        }
        else if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextTone.Good));
        }

        blocks.AddRange(FormCards.Inputs(form, values, errors));
        var computed = StepForms.Computed(step, form.Id, context.State, ComputedScope.Row, values ?? new Dictionary<string, string>());
        if (!form.Repeating)
        {
            computed = [.. computed, .. StepForms.Computed(step, form.Id, context.State, ComputedScope.Form)];
        }

        if (computed.Count > 0)
        {
            blocks.Add(new FactsBlock(computed.Select(c => new Fact(c.Label, c.Value)).ToList()));
        }

        var saveData = JourneyData.Form(
            context,
            step.Number,
            form.Id,
            [(JourneyVerbs.RowKey, rowId), .. isNew ? [(JourneyVerbs.NewKey, "1")] : Array.Empty<(string, string)>(), .. fingerprints ?? []]);
        var back = form.Repeating
            ? new CardAction("Back to the list", JourneyVerbs.OpenForm, JourneyData.Form(context, step.Number, form.Id, (JourneyVerbs.ReplaceKey, "1")))
            : new CardAction($"Back to step {JourneyData.Text(step.Number)}", JourneyVerbs.ShowStep, JourneyData.Step(context, step.Number, (JourneyVerbs.ReplaceKey, "1")));
        return new Card
        {
            Title = form.Repeating ? $"{form.Title}: {(isNew ? "add" : "edit")}" : $"Step {JourneyData.Text(step.Number)} · {form.Title}",
            Subtitle = form.Repeating ? $"Step {JourneyData.Text(step.Number)}" : null,
            Blocks = blocks,
            Actions =
            [
                new CardAction("Save", JourneyVerbs.SaveForm, saveData) { Style = ActionStyle.Positive, SubmitsInputs = true },
                back,
            ],
        };
    }

    /// <summary>A repeating form's rows, with Add, Edit and Remove.</summary>
    public static Card List(TurnContext context, StepDefinition step, FormDefinition form, string? note = null)
    {
        // The action plan's rows are the group's actions: numbered by their own numbers, the newest shown.
        var actions = ActionPlanRows.IsActionForm(step.Number, form.Id);
        var all = StepForms.Rows(context.State, step.Number, form.Id);
        var rows = actions ? all.TakeLast(ActionPlanRows.MaxShown).ToList() : all;
        var blocks = new List<CardBlock>();
        if (form.Description is not null)
        {
            blocks.Add(new TextBlock(form.Description, TextTone.Subtle));
        }

        if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextTone.Good));
        }

        var summaries = rows.Select((row, i) => (Row: row, Number: actions ? row.RowId : JourneyData.Text(i + 1), Text: RowSummary(context, step, form, row))).ToList();
        if (rows.Count == 0)
        {
            blocks.Add(new TextBlock(actions
                ? "No actions yet. Press Add to add the first one, or make one in the chat: \"action @Sam book the hall by Friday\"."
                : "Nothing here yet. Press Add to add the first one."));
        }
        else
        {
            blocks.Add(new FactsBlock(summaries.Select(s => new Fact(s.Number + ".", s.Text)).ToList()));
            if (all.Count > rows.Count)
            {
                blocks.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Showing the newest {rows.Count} of {all.Count} actions. Type \"action 12\" to see any one."), TextTone.Subtle));
            }
        }

        var totals = StepForms.Computed(step, form.Id, context.State, ComputedScope.Form);
        if (totals.Count > 0)
        {
            blocks.Add(new FactsBlock(totals.Select(c => new Fact(c.Label, c.Value)).ToList()));
        }

        var buttons = new List<CardAction>();
        if (all.Count < form.MaxRows)
        {
            buttons.Add(new CardAction("Add", JourneyVerbs.AddRow, JourneyData.Form(context, step.Number, form.Id)) { Style = ActionStyle.Positive });
        }
        else
        {
            blocks.Add(new TextBlock($"This list is full ({JourneyData.Text(form.MaxRows)} rows). Remove one to add another.", TextTone.Warning));
        }

        if (rows.Count > 0)
        {
            blocks.Add(new InputBlock(new InputField(JourneyVerbs.RowKey, actions && step.Number == ActionPlanRows.UpdateStep ? "Pick one to update" : "Pick one to edit or remove", FieldType.Choice)
            {
                Choices = summaries.Select(s => new InputChoice(s.Row.RowId, $"{s.Number}. {Shorten(s.Text)}")).ToList(),
            }));
            buttons.Add(new CardAction(actions && step.Number == ActionPlanRows.UpdateStep ? "Update" : "Edit", JourneyVerbs.EditRow, JourneyData.Form(context, step.Number, form.Id)) { SubmitsInputs = true });
            // Progress is never removed: the action's status says where it stands.
            if (!(actions && step.Number == ActionPlanRows.UpdateStep))
            {
                buttons.Add(new CardAction("Remove", JourneyVerbs.RemoveRow, JourneyData.Form(context, step.Number, form.Id)) { SubmitsInputs = true, Style = ActionStyle.Destructive });
            }
        }

        buttons.Add(new CardAction($"Back to step {JourneyData.Text(step.Number)}", JourneyVerbs.ShowStep, JourneyData.Step(context, step.Number, (JourneyVerbs.ReplaceKey, "1"))));
        return new Card
        {
            Title = $"Step {JourneyData.Text(step.Number)} · {form.Title}",
            Subtitle = actions ? ActionCards.Count(all.Count, "action") : string.Create(CultureInfo.InvariantCulture, $"{rows.Count} of up to {form.MaxRows}"),
            Blocks = blocks,
            Actions = buttons,
        };
    }

    /// <summary>A row's one-line summary with its own computed values.</summary>
    public static string RowSummary(TurnContext context, StepDefinition step, FormDefinition form, FormRow row)
    {
        // An action reads as it does in the actions list: who leads it, when it's due, where it stands.
        if (ActionPlanRows.IsActionForm(step.Number, form.Id) && ActionPlanRows.Find(context.State, row.RowId) is { } action)
        {
            var parts = new List<string> { action.Title };
            if ((action.Owner?.Name ?? action.Plan?.Lead) is { } lead)
            {
                parts.Add(lead);
            }

            parts.Add(ActionText.Summary(action, ActionText.Today(context)));
            if (action.Plan?.Priority is { } priority)
            {
                parts.Add($"{FieldDisplay.Show(StepCatalogue.Get(ActionPlanRows.PlanStep).Form(ActionPlanRows.PlanForm)!.Fields.First(f => f.Id == "priority"), priority)} priority");
            }

            return string.Join(" · ", parts);
        }

        var text = FieldDisplay.Summary(form, row.Values);
        var computed = StepForms.Computed(step, form.Id, context.State, ComputedScope.Row, row.Values);
        return computed.Count == 0 ? text : text + " · " + string.Join(" · ", computed.Select(c => $"{c.Label}: {c.Value}"));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");
}
