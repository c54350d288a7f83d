using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// Counts over the group's one action list: every action, whether it was written into the step-5 action plan
/// or made in chat, counts in steps 5, 8 and 9.
/// </summary>
public static class ActionTracking
{
    /// <summary>The step of the action plan.</summary>
    public const int ActionStep = ActionPlanRows.PlanStep;

    /// <summary>The action plan's form id.</summary>
    public const string ActionForm = ActionPlanRows.PlanForm;

    /// <summary>The step of progress updates.</summary>
    public const int UpdateStep = ActionPlanRows.UpdateStep;

    /// <summary>The progress updates' form id.</summary>
    public const string UpdateForm = ActionPlanRows.UpdateForm;

    /// <summary>How many actions are still to do (not completed or dropped).</summary>
    public static int Outstanding(IEnumerable<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.Count(a => a.IsOpen);
    }

    /// <summary>How many actions are completed.</summary>
    public static int Completed(IEnumerable<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.Count(a => a.Status == ActionStatus.Completed);
    }
}
