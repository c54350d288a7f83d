using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// The step-5 action plan form and the step-8 progress form, whose rows are the group's actions
/// (<see cref="ActionPlanRows"/>). Adding a row makes an action; saving one changes the action through its own
/// methods, with history, under the same rules as a typed change (<see cref="RoleRules.MayChangeAction"/>).
/// A stale card merges like any form: only the fields this person changed are written.
/// </summary>
internal static class ActionPlanForm
{
    /// <summary>Opens a row to edit: the action's values with their fingerprints.</summary>
    public static void Edit(TurnContext context, StepDefinition step, FormDefinition resolved, string rowId)
    {
        if (ActionPlanRows.Find(context.State, rowId) is not { } action)
        {
            context.Show(FormViews.List(context, step, resolved, "That action has been removed. Here is the list as it is now."), ReplyMode.ReplaceSource);
            return;
        }

        var values = ValuesOf(step, action);
        context.Show(FormViews.Form(context, step, resolved, ActionPlanRows.RowId(action.Id), isNew: false, values, fingerprints: ShownValues.Data(resolved, values)), ReplyMode.ReplaceSource);
    }

    /// <summary>Removes an action from the plan (step 5 only): it is deleted, as a plan row was.</summary>
    public static void Remove(TurnContext context, StepDefinition step, FormDefinition resolved, string rowId)
    {
        if (step.Number != ActionPlanRows.PlanStep)
        {
            context.Show(FormViews.List(context, step, resolved, "Progress can't be removed. Pick the action and change its status instead."), ReplyMode.ReplaceSource);
            return;
        }

        if (ActionPlanRows.Find(context.State, rowId) is not { } action)
        {
            context.Show(FormViews.List(context, step, resolved, "That action has already been removed. Here is the list as it is now."), ReplyMode.ReplaceSource);
            return;
        }

        if (ActionChanges.Refusal(context, action) is { } refusal)
        {
            context.Show(FormViews.List(context, step, resolved, refusal), ReplyMode.ReplaceSource);
            return;
        }

        context.State.Remove(action.Key);
        context.Show(FormViews.List(context, step, resolved, $"Removed by {context.Turn.From.Name}: action {ActionText.Number(action.Id)}, {ActionText.Quote(action.Title)}."), ReplyMode.ReplaceSource);
    }

    /// <summary>Saves a row of either form: a new action, a change to one, or a progress update.</summary>
    public static void Save(TurnContext context, Submission submission, StepDefinition step, FormDefinition resolved, string rowId, bool isNew)
    {
        var existing = isNew ? FindMade(context, rowId) : ActionPlanRows.Find(context.State, rowId);
        if (existing is null && !isNew)
        {
            context.Show(FormViews.List(context, step, resolved, "Someone removed that action while you were editing it, so I haven't saved your changes."), ReplyMode.ReplaceSource);
            return;
        }

        var checkedValues = FormValidator.Validate(resolved, submission.Inputs);
        var stored = existing is null ? null : ValuesOf(step, existing);
        var merged = FormSave.Merge(resolved, stored, checkedValues, submission.Data);
        var errors = StepForms.RuleErrors(step, resolved.Id, merged, checkedValues.Errors);
        if (errors.Count > 0)
        {
            context.Show(FormViews.Form(context, step, resolved, rowId, isNew && existing is null, submission.Inputs, errors, ShownValues.Carry(submission.Data)), ReplyMode.ReplaceSource);
            return;
        }

        var result = step.Number == ActionPlanRows.PlanStep
            ? SavePlan(context, step, resolved, rowId, existing, merged, submission)
            : SaveUpdate(context, step, resolved, rowId, existing, merged, submission);
        if (result is not { } saved)
        {
            return;
        }

        var note = saved.Changed
            ? $"Saved by {context.Turn.From.Name}. Change an answer and save again, or type \"where are we\" for what's next."
            : "Nothing had changed, so there was nothing to save. Type \"where are we\" for what's next.";
        context.Show(FormViews.List(context, step, resolved, $"{note} (Action {ActionText.Number(saved.Action.Id)}: {FormSave.Shorten(saved.Action.Title)})"), ReplyMode.ReplaceSource);
        if (saved.Changed)
        {
            ActionCards.UpdateAnchored(context, saved.Action);
        }
    }

    /// <summary>
    /// Makes an action from the action plan form's values (the form or the step's questions); <paramref name="token"/>
    /// (the new row's id) is kept as its source, so a second press of the same Save finds it.
    /// </summary>
    public static ActionItem Create(TurnContext context, IReadOnlyDictionary<string, string> values, string token)
    {
        var id = ActionRules.TakeNextId(context.State);
        var made = ActionItem.Create(id, values.GetValueOrDefault("action") ?? "Action", ActionPlanRows.PlanStep, context.Turn.From, context.Now) with { SourceId = token };
        var action = ActionPlanEdit.ApplyPlan(context.State, made, values, owner => ActionCreation.OwnerKey(context, owner), context.Turn.From, context.Now);
        context.State.Put(action);
        return action;
    }

    private static (ActionItem Action, bool Changed)? SavePlan(
        TurnContext context, StepDefinition step, FormDefinition resolved, string rowId, ActionItem? existing, Dictionary<string, string> merged, Submission submission)
    {
        if (existing is null)
        {
            return (Create(context, merged, rowId), true);
        }

        var after = ActionPlanEdit.ApplyPlan(context.State, existing, merged, owner => ActionCreation.OwnerKey(context, owner), context.Turn.From, context.Now);
        if (!ReferenceEquals(after, existing) && ActionChanges.Refusal(context, existing) is { } refusal)
        {
            Refuse(context, step, resolved, rowId, merged, "action", refusal, submission);
            return null;
        }

        return (after, ActionChanges.Save(context, existing, after));
    }

    private static (ActionItem Action, bool Changed)? SaveUpdate(
        TurnContext context, StepDefinition step, FormDefinition resolved, string rowId, ActionItem? existing, Dictionary<string, string> merged, Submission submission)
    {
        // The action picked may differ from the row opened; a new update leaves what it doesn't say as it is.
        var target = ActionPlanRows.Find(context.State, merged.GetValueOrDefault("action"));
        if (target is null)
        {
            Refuse(context, step, resolved, rowId, submission.Inputs, "action", "Please pick one of the actions.", submission);
            return null;
        }

        var values = new Dictionary<string, string>(merged, StringComparer.Ordinal);
        if (existing is null || target.Id != existing.Id)
        {
            values = new Dictionary<string, string>(ActionPlanRows.UpdateValues(target), StringComparer.Ordinal);
            foreach (var (key, value) in merged)
            {
                values[key] = value;
            }
        }

        // Status is the owner's, the creator's or an officer's to change; RAG, progress and notes are anyone's.
        if (!string.Equals(values.GetValueOrDefault("status"), ActionPlanRows.StatusValue(target.Status), StringComparison.Ordinal)
            && ActionChanges.Refusal(context, target) is { } refusal)
        {
            Refuse(context, step, resolved, rowId, submission.Inputs, "status", refusal, submission);
            return null;
        }

        // A new update's row id is its token: the same Save pressed again (or redelivered) adds its note once.
        var after = ActionPlanEdit.ApplyUpdate(target, values, context.Turn.From, context.Now, existing is null ? rowId : null);
        return (after, ActionChanges.Save(context, target, after));
    }

    private static void Refuse(
        TurnContext context, StepDefinition step, FormDefinition resolved, string rowId, IReadOnlyDictionary<string, string> shown, string field, string message, Submission submission) =>
        context.Show(
            FormViews.Form(
                context, step, resolved, rowId, isNew: ActionPlanRows.Find(context.State, rowId) is null, shown,
                new Dictionary<string, string> { [field] = message }, ShownValues.Carry(submission.Data)),
            ReplyMode.ReplaceSource);

    private static ActionItem? FindMade(TurnContext context, string token) =>
        context.State.Actions().FirstOrDefault(a => string.Equals(a.SourceId, token, StringComparison.Ordinal));

    private static IReadOnlyDictionary<string, string> ValuesOf(StepDefinition step, ActionItem action) =>
        step.Number == ActionPlanRows.PlanStep ? ActionPlanRows.PlanValues(action) : ActionPlanRows.UpdateValues(action);
}
