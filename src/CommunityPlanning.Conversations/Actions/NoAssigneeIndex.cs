using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>The stand-in when no index is registered: nobody has actions in other groups.</summary>
internal sealed class NoAssigneeIndex : IAssigneeIndex
{
    public Task<IReadOnlyList<AssignedAction>> ForOwnerAsync(string ownerKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AssignedAction>>([]);
}
