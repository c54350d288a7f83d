using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Storage.Rights;

/// <summary>Stores data-rights requests as jobs for <see cref="RightsJobRunner"/>; notes memberships for <c>my data</c>.</summary>
public sealed class DataRights(RightsJobs jobs, PersonGroupsTable personGroups) : IDataRights
{
    /// <inheritdoc />
    public async Task RequestForgetAsync(PersonIdentity person, string groupId, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await jobs.AddAsync(requestId, new RightsRequest(RightsJobs.Forget, groupId, now) { Person = person }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RequestDeleteGroupAsync(string groupId, string communityName, ConversationReferenceRecord? reference, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await jobs.AddAsync(requestId, new RightsRequest(RightsJobs.DeleteGroup, groupId, now) { CommunityName = communityName, Reference = reference }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task NoteMemberAsync(PersonIdentity person, string groupId, CancellationToken cancellationToken = default) =>
        personGroups.NoteAsync(person, groupId, cancellationToken);
}
