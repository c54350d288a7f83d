namespace CommunityPlanning.Domain.Actions;

/// <summary>Where an action has got to.</summary>
public enum ActionStatus
{
    /// <summary>Nobody has started it yet.</summary>
    NotStarted,

    /// <summary>Someone is working on it.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Paused for now.</summary>
    OnHold,

    /// <summary>No longer needed.</summary>
    Dropped,
}

/// <summary>Plain-English names for action statuses, and reading them back from what people type.</summary>
public static class ActionStatusNames
{
    /// <summary>The status as people read it: "Not started", "In progress"…</summary>
    public static string Title(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Completed => "Completed",
        ActionStatus.OnHold => "On hold",
        _ => "Dropped",
    };

    /// <summary>True for statuses that still need doing (not completed or dropped).</summary>
    public static bool IsOpen(this ActionStatus status) => status is not (ActionStatus.Completed or ActionStatus.Dropped);

    /// <summary>Reads a status as typed: "on hold", "in-progress", "done", "dropped"…</summary>
    public static bool TryParse(string? text, out ActionStatus status)
    {
        var words = Normalise(text);
        ActionStatus? found = words switch
        {
            "not started" or "notstarted" or "to do" or "todo" or "open" or "new" => ActionStatus.NotStarted,
            "in progress" or "inprogress" or "started" or "doing" or "underway" or "under way" or "ongoing" => ActionStatus.InProgress,
            "completed" or "complete" or "done" or "finished" => ActionStatus.Completed,
            "on hold" or "onhold" or "hold" or "paused" or "waiting" => ActionStatus.OnHold,
            "dropped" or "drop" or "cancelled" or "canceled" or "abandoned" => ActionStatus.Dropped,
            _ => null,
        };
        status = found ?? default;
        return found is not null;
    }

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? string.Empty).Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToLowerInvariant();
}
