using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// Where each action of the plan stands: the latest progress update (step 8) wins over the status
/// written in the action plan (step 5).
/// </summary>
public static class ActionTracking
{
    /// <summary>The step and form of the action plan.</summary>
    public const int ActionStep = 5;

    /// <summary>The action plan's form id.</summary>
    public const string ActionForm = "actions";

    /// <summary>The step and form of progress updates.</summary>
    public const int UpdateStep = 8;

    /// <summary>The progress updates' form id.</summary>
    public const string UpdateForm = "updates";

    /// <summary>The field naming an action, in updates and outcomes.</summary>
    public const string ActionField = "action";

    /// <summary>The status field, in actions and updates.</summary>
    public const string StatusField = "status";

    /// <summary>The date field of an update.</summary>
    public const string UpdatedField = "updated";

    /// <summary>The status an action has now, by action row id.</summary>
    public static IReadOnlyDictionary<string, string> CurrentStatus(IReadOnlyList<RowValues> actions, IReadOnlyList<RowValues> updates)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(updates);
        var status = actions.ToDictionary(
            a => a.RowId,
            a => a.Values.GetValueOrDefault(StatusField) ?? "not-started",
            StringComparer.Ordinal);

        // Rows are in the order they were added; a later date wins, and on the same date the later row.
        var latest = updates
            .Select((u, order) => (Update: u, Order: order, Day: Computations.Date(u.Values, UpdatedField) ?? DateOnly.MinValue))
            .OrderBy(x => x.Day)
            .ThenBy(x => x.Order);
        foreach (var (update, _, _) in latest)
        {
            if (update.Values.GetValueOrDefault(ActionField) is { } actionId
                && status.ContainsKey(actionId)
                && update.Values.GetValueOrDefault(StatusField) is { } newStatus)
            {
                status[actionId] = newStatus;
            }
        }

        return status;
    }

    /// <summary>True when an action needs no more work: completed or dropped.</summary>
    public static bool IsDone(string status) => status is "completed" or "dropped";

    /// <summary>How many actions are still to do.</summary>
    public static int Outstanding(IReadOnlyList<RowValues> actions, IReadOnlyList<RowValues> updates) =>
        CurrentStatus(actions, updates).Values.Count(s => !IsDone(s));

    /// <summary>How many actions are completed.</summary>
    public static int Completed(IReadOnlyList<RowValues> actions, IReadOnlyList<RowValues> updates) =>
        CurrentStatus(actions, updates).Values.Count(s => s == "completed");
}
