using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Caching;

namespace CommunityPlanning.Storage.Outbox;

/// <summary>
/// Outbox rows in the groups' partitions of <c>plans</c> (RowKey <c>outbox|batch|seq</c>), and the table
/// <c>outboxgroups</c> (PartitionKey <c>pending</c>, RowKey the group id) listing groups that may have some.
/// A group is listed before the save that writes its rows, and taken off only when it has none and was
/// listed longer ago than the retention; an instance re-lists a group it listed more than half the retention
/// ago, so a typical turn adds no write for the list.
/// </summary>
/// <remarks>
/// Outbox rows change without the group's version row (see <see cref="TableGroupStore.VersionRowKey"/>), so this
/// instance's cached copy of the group (<see cref="GroupStateCache"/>) is told of each claim, release and delete.
/// Another instance's copy may list rows already done or claimed: a turn reads them only to order its replies after
/// them, and every write of a row is guarded by its own ETag.
/// </remarks>
public sealed class TableOutboxStore(TableClient plans, TableClient pointers, RecordMapper mapper, TimeProvider clock, OutboxOptions options, GroupStateCache? cache = null, DoneOutboxRows? done = null) : IOutboxStore
{
    /// <summary>The pending-groups table's name (before the prefix).</summary>
    public const string PointerTableName = "outboxgroups";

    private const string Partition = "pending";
    private const string ListedAtProperty = "ListedAt";
    private const int MaxRemembered = 10_000;

    private static readonly string Low = KeyCodec.Encode(OutboxRecord.Kind + RecordKeys.Separator);
    private static readonly string High = KeyCodec.Encode(OutboxRecord.Kind) + "}";

    // A write-suppression cache only: forgetting costs one extra write, never a lost pointer.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _listed = new(StringComparer.Ordinal);

    /// <summary>The pending-groups table, for start-up creation.</summary>
    internal TableClient Pointers => pointers;

    /// <inheritdoc />
    public async Task MarkPendingAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_listed.TryGetValue(groupId, out var at) && now - at < options.PendingRetention / 2)
        {
            return;
        }

        var entity = new TableEntity(Partition, groupId) { [ListedAtProperty] = now };
        try
        {
            await pointers.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnreachable(ex, cancellationToken))
        {
            throw new StoreUnavailableException("Listing a group's outbox failed: storage could not be reached.", ex);
        }
        if (_listed.Count >= MaxRemembered)
        {
            _listed.Clear();
        }

        _listed[groupId] = now;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> PendingGroupsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in pointers.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.RowKey;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var rows = new List<OutboxEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {groupId} and RowKey ge {Low} and RowKey lt {High}");
        await foreach (var entity in plans.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Rows this instance has finished (their delete put off) are done: no one works on them again.
            if (mapper.ToRecord(entity) is OutboxRecord record && done?.Holds(groupId, record.Key) != true)
            {
                rows.Add(new OutboxEntry(groupId, record, entity.ETag.ToString()));
            }
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<OutboxEntry?> TryReplaceAsync(OutboxEntry entry, OutboxRecord updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(updated);
        if (entry.Version is null)
        {
            return null;
        }

        try
        {
            var response = await plans.UpdateEntityAsync(mapper.ToEntity(entry.GroupId, updated), new ETag(entry.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            var version = response.Headers.ETag?.ToString();
            cache?.RowChanged(entry.GroupId, entry.Record.Key, entry.Version, updated, version);
            return new OutboxEntry(entry.GroupId, updated, version);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            cache?.Evict(entry.GroupId);
            return null;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (done is null)
        {
            return DeleteNowAsync(entries, cancellationToken);
        }

        // Deleted with the group's next save, or by the next flush (see DoneOutboxRows).
        done.Add(entries);
        return Task.CompletedTask;
    }

    /// <summary>How long a finished row waits for the group's next save before a flush deletes it on its own.</summary>
    public static readonly TimeSpan FlushAfter = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task FlushDoneAsync(bool all = false, CancellationToken cancellationToken = default)
    {
        if (done is null)
        {
            return;
        }

        foreach (var rows in done.Due(all ? TimeSpan.Zero : FlushAfter))
        {
            await DeleteNowAsync(rows, cancellationToken).ConfigureAwait(false);
            done.Deleted(rows[0].GroupId, rows.Select(r => r.Record.Key));
        }
    }

    private async Task DeleteNowAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var deletable = entries.Where(e => e.Version is not null).ToList();
        if (deletable.Count == 0)
        {
            return;
        }

        // One transaction for the usual case; a row changed or gone meanwhile fails it, so then row by row.
        try
        {
            foreach (var chunk in deletable.Chunk(TableGroupStore.MaxOperations))
            {
                await plans.SubmitTransactionAsync(chunk.Select(Delete), cancellationToken).ConfigureAwait(false);
                foreach (var entry in chunk)
                {
                    cache?.RowChanged(entry.GroupId, entry.Record.Key, entry.Version!, null, null);
                }
            }

            return;
        }
        catch (TableTransactionFailedException)
        {
        }

        foreach (var entry in deletable)
        {
            try
            {
                await plans.DeleteEntityAsync(entry.GroupId, KeyCodec.Encode(entry.Record.Key), new ETag(entry.Version!), cancellationToken).ConfigureAwait(false);
                cache?.RowChanged(entry.GroupId, entry.Record.Key, entry.Version!, null, null);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                cache?.Evict(entry.GroupId);
                // Someone else has it now (or finished it).
            }
        }
    }

    /// <inheritdoc />
    public async Task ForgetIfIdleAsync(string groupId, DateTimeOffset listedBefore, CancellationToken cancellationToken = default)
    {
        var pointer = await pointers.GetEntityIfExistsAsync<TableEntity>(Partition, groupId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue || pointer.Value!.GetDateTimeOffset(ListedAtProperty) is { } listed && listed > listedBefore)
        {
            return;
        }

        // An instance skips re-listing only within half the retention, so no turn relies on a listing this old;
        // one that re-lists meanwhile changes the ETag and the delete below fails.
        if ((await ListAsync(groupId, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        try
        {
            await pointers.DeleteEntityAsync(Partition, groupId, pointer.Value.ETag, cancellationToken).ConfigureAwait(false);
            _listed.TryRemove(groupId, out _);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
        }
    }

    private static TableTransactionAction Delete(OutboxEntry entry) =>
        new(TableTransactionActionType.Delete, new TableEntity(entry.GroupId, KeyCodec.Encode(entry.Record.Key)), new ETag(entry.Version!));
}
