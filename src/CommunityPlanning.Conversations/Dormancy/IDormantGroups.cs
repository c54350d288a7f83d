namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// The cross-group list of dormant groups (table <c>dormantgroups</c>), for senders that do not load the group:
/// the outbox dispatcher checks it before a proactive row is sent.
/// </summary>
public interface IDormantGroups
{
    /// <summary>True when the group is listed as dormant.</summary>
    Task<bool> IsDormantAsync(string groupId, CancellationToken cancellationToken = default);
}
