using CommunityPlanning.Conversations.Proactive;

namespace CommunityPlanning.Conversations.Rights;

/// <summary>
/// Starts the data-rights work that reaches beyond one group: erasing a person everywhere and deleting a group's
/// plan. Each request is stored as a job before this returns, so a crash part-way through is finished by the next
/// run on any instance (see <c>RightsJobRunner</c> in Storage).
/// </summary>
public interface IDataRights
{
    /// <summary>Stores a request to forget <paramref name="person"/>, asked in <paramref name="groupId"/>. Idempotent per <paramref name="requestId"/>.</summary>
    Task RequestForgetAsync(PersonIdentity person, string groupId, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a request to delete the group's plan and everything that points to it. The final message goes to
    /// <paramref name="reference"/> once it is done. Idempotent per <paramref name="requestId"/>.
    /// </summary>
    Task RequestDeleteGroupAsync(string groupId, string communityName, ConversationReferenceRecord? reference, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Notes that the person belongs to the group (the cross-group list <c>my data</c> and <c>forget me</c> read).</summary>
    Task NoteMemberAsync(PersonIdentity person, string groupId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Signed, expiring download links for data-rights files. The host supplies them (it knows the keys and its public
/// address); without one, the commands say the file can't be offered.
/// </summary>
public interface IRightsLinks
{
    /// <summary>A link to the person's data (JSON), or null when links are not available.</summary>
    Uri? MyData(string personKey, DateTimeOffset now);

    /// <summary>A link to the group's export (zip), or null when links are not available.</summary>
    Uri? Export(string groupId, DateTimeOffset now);
}

/// <summary>
/// Whether a person asked to be forgotten and has not spoken to the bot since. Roster refreshes ask it before adding
/// someone the channel lists, so a forgotten person is not added back behind their back.
/// </summary>
public interface ISuppressionList
{
    /// <summary>True when the person (by their channel user id or directory id) is suppressed.</summary>
    Task<bool> IsSuppressedAsync(string channel, string tenant, string id, CancellationToken cancellationToken = default);
}

/// <summary>The stand-in until the host registers links: none.</summary>
internal sealed class NoRightsLinks : IRightsLinks
{
    public Uri? MyData(string personKey, DateTimeOffset now) => null;

    public Uri? Export(string groupId, DateTimeOffset now) => null;
}

/// <summary>The stand-in until storage registers the real service: every request is refused.</summary>
internal sealed class NoDataRights : IDataRights
{
    private const string Why = "Data rights need the storage services (AddStorage).";

    public Task RequestForgetAsync(PersonIdentity person, string groupId, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Why);

    public Task RequestDeleteGroupAsync(string groupId, string communityName, ConversationReferenceRecord? reference, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Why);

    public Task NoteMemberAsync(PersonIdentity person, string groupId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
