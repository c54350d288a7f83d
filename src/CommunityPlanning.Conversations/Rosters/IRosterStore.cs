namespace CommunityPlanning.Conversations.Rosters;

/// <summary>
/// Where each group's roster is kept: one row per person, by group, outside the group's per-turn load, plus
/// a per-group marker saying when the whole roster was last paged from the channel.
/// </summary>
public interface IRosterStore
{
    /// <summary>The person with this channel user id (or, failing that, this Entra object id), or null.</summary>
    Task<RosterPerson?> FindAsync(string groupId, string id, CancellationToken cancellationToken = default);

    /// <summary>Adds or refreshes people (idempotent: the channel's newest view wins).</summary>
    Task PutAsync(string groupId, IReadOnlyCollection<RosterPerson> people, CancellationToken cancellationToken = default);

    /// <summary>Removes people who left (idempotent).</summary>
    Task RemoveAsync(string groupId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>Everyone on the group's roster.</summary>
    IAsyncEnumerable<RosterPerson> ListAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the group's full refresh when it is due (never paged, or last paged before
    /// <paramref name="staleBefore"/>, and not claimed by another instance or put off): true when this caller
    /// should page the roster now. An ETag-guarded write, so two instances never both page it.
    /// </summary>
    Task<bool> TryClaimRefreshAsync(string groupId, DateTimeOffset now, DateTimeOffset staleBefore, TimeSpan claimFor, CancellationToken cancellationToken = default);

    /// <summary>Records how a claimed refresh ended: paged at <paramref name="now"/>, or failed and tried again after <paramref name="retryAt"/>.</summary>
    Task FinishRefreshAsync(string groupId, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks that the group was told, once, that a person can't get private messages; true only for the
    /// caller that marked it first (so the group is told once, not at every reminder).
    /// </summary>
    Task<bool> TryMarkPrivateRefusalToldAsync(string groupId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
