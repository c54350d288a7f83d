using System.Net;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;

namespace CommunityPlanning.Storage.Dormancy;

/// <summary>A group dormant since <paramref name="Since"/>, as read (with the row's ETag).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Since">Dormant since (the bot was uninstalled).</param>
/// <param name="ClaimedUntil">Until when a sweeper works on it.</param>
/// <param name="ETag">The version read.</param>
public sealed record DormantGroup(string GroupId, DateTimeOffset Since, DateTimeOffset? ClaimedUntil, ETag ETag);

/// <summary>
/// Dormant groups across the account: table <c>dormantgroups</c>, PartitionKey <c>dormant</c>, RowKey the group id
/// (key-encoded like the other index tables), property <c>Since</c>. A row is there while the group is dormant and
/// removed when it wakes. Derived from each group's <see cref="DormantRecord"/> by <see cref="DormantGroupsProjection"/>;
/// the retention sweep lists the long-dormant ones and claims each with its ETag (<c>ClaimedBy</c>, <c>ClaimedUntil</c>).
/// </summary>
public sealed class DormantGroupsTable(TableClient table) : IDormantGroups
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "dormantgroups";

    /// <summary>The one partition.</summary>
    public const string Partition = "dormant";

    /// <summary>When the group became dormant.</summary>
    public const string SinceProperty = "Since";

    private const string GroupIdProperty = "GroupId";
    private const string ClaimedByProperty = "ClaimedBy";
    private const string ClaimedUntilProperty = "ClaimedUntil";

    /// <summary>The underlying table, for start-up creation and the data holders.</summary>
    internal TableClient Table => table;

    /// <inheritdoc />
    public async Task<bool> IsDormantAsync(string groupId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyCodec.Encode(groupId), [SinceProperty], cancellationToken).ConfigureAwait(false);
            return row.HasValue;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Lists the group as dormant since <paramref name="since"/>. Derived data, so an upsert is right.</summary>
    internal async Task AddAsync(string groupId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, KeyCodec.Encode(groupId))
        {
            [GroupIdProperty] = groupId,
            [SinceProperty] = since.ToUniversalTime(),
        };
        try
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes the group's row when it is the dormancy that ended (<paramref name="since"/> or earlier), so a wake
    /// applied late never removes a newer dormancy. Guarded by the row's ETag; a row already gone is fine.
    /// </summary>
    internal async Task RemoveAsync(string groupId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyCodec.Encode(groupId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value!.GetDateTimeOffset(SinceProperty) > since)
            {
                return;
            }

            await table.DeleteEntityAsync(Partition, row.Value.RowKey, row.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Gone already, or changed by a newer dormancy: either way nothing to remove.
        }
    }

    /// <summary>Groups dormant since before <paramref name="cutoff"/>, page by page.</summary>
    public async IAsyncEnumerable<DormantGroup> DormantBeforeAsync(DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Since lt {cutoff.ToUniversalTime()}");
        var rows = table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken);
        await using var e = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No table yet (the installation code creates it): nothing is dormant.
                yield break;
            }

            var entity = e.Current;
            if (entity.GetDateTimeOffset(SinceProperty) is { } since)
            {
                yield return new DormantGroup(KeyCodec.Decode(entity.RowKey), since, entity.GetDateTimeOffset(ClaimedUntilProperty), entity.ETag);
            }
        }
    }

    /// <summary>Claims a dormant group for this sweeper; false when another took it, or it woke, first.</summary>
    public async Task<bool> TryClaimAsync(DormantGroup group, string claimant, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var claim = new TableEntity(Partition, KeyCodec.Encode(group.GroupId)) { [ClaimedByProperty] = claimant, [ClaimedUntilProperty] = until };
        try
        {
            await table.UpdateEntityAsync(claim, group.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }
}
