using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// Applies what the action plan form (step 5) or the progress form (step 8) says to an <see cref="ActionItem"/>,
/// through the action's own change methods, so every change goes into its history as a typed change would.
/// </summary>
public static class ActionPlanEdit
{
    /// <summary>
    /// The action with the plan form's values: title, lead (a member named becomes the owner, anyone else is
    /// kept as the plan's lead), target date (the due date), status and the plan fields.
    /// </summary>
    /// <param name="state">The group, for its members.</param>
    /// <param name="action">The action as it is.</param>
    /// <param name="values">The form's checked values, every field as it should now be.</param>
    /// <param name="ownerKey">The owner's cross-group key (for "my actions").</param>
    /// <param name="by">Who made the change.</param>
    /// <param name="at">When.</param>
    public static ActionItem ApplyPlan(
        GroupState state, ActionItem action, IReadOnlyDictionary<string, string> values, Func<MemberRef, string> ownerKey, MemberRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(ownerKey);
        var result = values.GetValueOrDefault("action") is { Length: > 0 } title ? action.WithTitle(title, by, at) : action;
        var (owner, plainLead) = Lead(state, action, values.GetValueOrDefault("lead"));
        result = result.WithOwner(owner, owner is null ? null : ownerKey(owner), by, at);
        result = result.WithDue(Computations.Date(values, "target"), by, at);
        if (ActionStatusNames.TryParse(values.GetValueOrDefault("status"), out var status))
        {
            result = result.WithStatus(status, by, at);
        }

        return result.WithPlan(ActionPlanRows.PlanFields(values, plainLead), by, at);
    }

    /// <summary>
    /// The action with the progress form's values: status, RAG, percent complete and next review as given (a
    /// missing one is cleared), and the note, if any, added — once per <paramref name="token"/> (the new update row's
    /// id), so pressing the same Save twice adds it once.
    /// </summary>
    public static ActionItem ApplyUpdate(ActionItem action, IReadOnlyDictionary<string, string> values, MemberRef by, DateTimeOffset at, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(values);
        var result = action;
        if (ActionStatusNames.TryParse(values.GetValueOrDefault("status"), out var status))
        {
            result = result.WithStatus(status, by, at);
        }

        result = result.WithRag(RagRatings.TryParse(values.GetValueOrDefault("rag"), out var rag) ? rag : null, by, at);
        var percent = Computations.Number(values, "percent") is { } p ? (int)Math.Round(Math.Clamp(p, 0, 100), MidpointRounding.AwayFromZero) : 0;
        result = result.WithPercent(percent, by, at);
        result = result.WithNextReview(Computations.Date(values, "nextReview"), by, at);
        return values.GetValueOrDefault("note") is { Length: > 0 } note ? result.WithNote(note, by, at, token) : result;
    }

    /// <summary>
    /// Who a typed lead is: the action's owner when it names them, another active member when it names one,
    /// otherwise nobody owns it and the text is kept as the plan's lead.
    /// </summary>
    public static (MemberRef? Owner, string? PlainLead) Lead(GroupState state, ActionItem action, string? lead)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        if (string.IsNullOrWhiteSpace(lead))
        {
            return (null, null);
        }

        var trimmed = lead.Trim();
        if (action.Owner is { } current && string.Equals(current.Name.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
        {
            return (current, null);
        }

        return ActionPlanRows.MemberNamed(state, trimmed) is { } member ? (member, null) : (null, trimmed);
    }
}
