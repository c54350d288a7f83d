using System.Net;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;

namespace CommunityPlanning.Storage.Dormancy;

/// <summary>
/// Dormant groups across the account: table <c>dormantgroups</c>, PartitionKey <c>dormant</c>, RowKey the group id
/// (key-encoded like the other index tables), property <c>Since</c>. A row is there while the group is dormant and
/// removed when it wakes. Derived from each group's <see cref="DormantRecord"/> by <see cref="DormantGroupsProjection"/>.
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

    /// <summary>The underlying table, for start-up creation.</summary>
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
}
