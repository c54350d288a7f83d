using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>One action as loaded and as saved (null when it did not exist, or was removed).</summary>
/// <param name="Before">As loaded.</param>
/// <param name="After">As saved.</param>
internal sealed record ActionChange(ActionItem? Before, ActionItem? After);

/// <summary>The actions a save changes, with their loaded versions, for the action index projections.</summary>
internal static class ActionChanges
{
    public static List<ActionChange> Of(GroupState state)
    {
        var changes = state.Changed.OfType<ActionItem>()
            .Select(a => new ActionChange(state.Loaded<ActionItem>(a.Key), a))
            .ToList();
        foreach (var key in state.Removed.Where(k => k.StartsWith(ActionItem.Prefix, StringComparison.Ordinal)))
        {
            if (state.Loaded<ActionItem>(key) is { } gone)
            {
                changes.Add(new ActionChange(gone, null));
            }
        }

        return changes;
    }
}
