namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// The outbox rows in the groups' partitions, and the small table of groups that have some, so the
/// dispatcher never scans every partition. Storage implements it; every change is guarded by the version read.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Makes sure the group is listed as having outbox rows. Called before a save that writes some, so a crash
    /// after the save still leaves the pointer; it may skip the write when it listed the group recently.
    /// </summary>
    Task MarkPendingAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>The groups listed as having outbox rows.</summary>
    IAsyncEnumerable<string> PendingGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>A group's outbox rows, in order.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a row if it is still at the version read; returns it with its new version, or null when it changed or went.</summary>
    Task<OutboxEntry?> TryReplaceAsync(OutboxEntry entry, OutboxRecord updated, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes finished rows of one group (one transaction); rows changed or gone meanwhile are left alone. A store may
    /// put the delete off to the group's next save or the next <see cref="FlushDoneAsync"/>, keeping the rows claimed.
    /// </summary>
    Task DeleteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes finished rows whose delete was put off and that no save has deleted since (all of them with
    /// <paramref name="all"/>, as when the host stops). Run at the start of every outbox pass.
    /// </summary>
    Task FlushDoneAsync(bool all = false, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Removes the group from the pending list when it has no rows and was last listed before <paramref name="listedBefore"/>.</summary>
    Task ForgetIfIdleAsync(string groupId, DateTimeOffset listedBefore, CancellationToken cancellationToken = default);
}
