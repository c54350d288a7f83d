using Azure;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage.Rights;

/// <summary>A group dormant since <paramref name="Since"/>, as read (with the row's ETag).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Since">Dormant since (the bot was uninstalled).</param>
/// <param name="ClaimedUntil">Until when a sweeper works on it.</param>
/// <param name="ETag">The version read.</param>
public sealed record DormantGroup(string GroupId, DateTimeOffset Since, DateTimeOffset? ClaimedUntil, ETag ETag);

/// <summary>
/// Reads the <c>dormantgroups</c> table (PartitionKey <c>dormant</c>, RowKey the group id, property <c>Since</c>),
/// which <see cref="Dormancy.DormantGroupsProjection"/> keeps while a group is dormant, and claims rows with ETags for the retention sweep.
/// </summary>
public sealed class DormantGroups(TableClient table)
{
    private const string Partition = Dormancy.DormantGroupsTable.Partition;
    private const string SinceProperty = Dormancy.DormantGroupsTable.SinceProperty;
    private const string ClaimedByProperty = "ClaimedBy";
    private const string ClaimedUntilProperty = "ClaimedUntil";

    /// <summary>The table.</summary>
    public TableClient Table => table;

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
