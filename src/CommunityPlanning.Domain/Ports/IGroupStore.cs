using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Ports;

/// <summary>
/// Loads and saves everything stored for one steering group. One load is one read round trip; one save
/// is one atomic write, guarded by the versions the records were read with.
/// </summary>
public interface IGroupStore
{
    /// <summary>Loads the group's records (an empty state when the group is new).</summary>
    /// <exception cref="StoreUnavailableException">Storage could not be reached.</exception>
    Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the group for one attempt of a turn. A store may serve the first attempt from a cache without reading
    /// storage; the caller must then call <see cref="SaveAsync"/> (even with nothing changed) before it acts on what
    /// it read: a save from a stale copy returns <see cref="SaveOutcome.Conflict"/>, and the next attempt reads storage.
    /// </summary>
    /// <exception cref="StoreUnavailableException">Storage could not be reached.</exception>
    Task<GroupState> LoadForTurnAsync(string groupId, int attempt, CancellationToken cancellationToken = default) =>
        LoadAsync(groupId, cancellationToken);

    /// <summary>
    /// Writes the turn's changes atomically. When <paramref name="turnId"/> is given, the write also
    /// records that this turn was handled, so a redelivered turn is seen as a duplicate. The
    /// <paramref name="nonce"/> (one per turn, the same for every attempt) tells a retried write of our own
    /// that already landed from a real redelivery.
    /// </summary>
    /// <exception cref="StoreUnavailableException">Storage could not be reached; the write may or may not have landed.</exception>
    Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default);
}

/// <summary>How a save ended.</summary>
public enum SaveOutcome
{
    /// <summary>Written (or there was nothing to write).</summary>
    Saved,

    /// <summary>Someone else changed a record since it was read: run the turn again from fresh state.</summary>
    Conflict,

    /// <summary>This turn was already handled: do nothing more and answer nothing.</summary>
    Duplicate,
}
