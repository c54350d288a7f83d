namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// Reads the cross-group index of open actions by owner, for "my actions". Storage keeps it up to date
/// after each save; it is derived data, so it may lag a save by a moment.
/// </summary>
public interface IAssigneeIndex
{
    /// <summary>The open actions owned by the person with this key (see <see cref="AssigneeKeys"/>), in every group.</summary>
    Task<IReadOnlyList<AssignedAction>> ForOwnerAsync(string ownerKey, CancellationToken cancellationToken = default);
}

/// <summary>One row of someone's "my actions" list.</summary>
/// <param name="GroupId">The group it belongs to.</param>
/// <param name="GroupName">The group's community name, when its plan has one.</param>
/// <param name="ActionId">The action's number in that group.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Status">Where it has got to.</param>
public sealed record AssignedAction(string GroupId, string? GroupName, int ActionId, string Title, DateOnly? Due, ActionStatus Status);
