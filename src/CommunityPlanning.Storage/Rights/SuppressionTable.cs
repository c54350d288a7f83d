using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// People who asked to be forgotten and have not spoken since: PartitionKey <c>suppressed</c>, RowKey a hash of
/// channel, tenant and one of their ids, salted differently from the index keys so it matches no other row. A
/// roster refresh asks <see cref="IsSuppressedAsync"/> before adding someone; the marker goes when a member record
/// for them is created again (they spoke to the bot, see <see cref="PersonGroupsProjection"/>).
/// </summary>
public sealed class SuppressionTable(TableClient table) : ISuppressionList
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "suppressed";

    private const string Partition = "suppressed";

    /// <summary>The table.</summary>
    public TableClient Table => table;

    /// <inheritdoc />
    public async Task<bool> IsSuppressedAsync(string channel, string tenant, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyFor(channel, tenant, id), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
            return found.HasValue;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Adds a marker for each of the person's ids.</summary>
    public async Task SuppressAsync(PersonIdentity person, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        foreach (var id in person.RawIds)
        {
            await table.UpsertEntityAsync(new TableEntity(Partition, KeyFor(person.Channel, person.Tenant, id)) { ["Since"] = now }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the marker for one id (nothing happens when there is none).</summary>
    public Task ClearAsync(string channel, string tenant, string id, CancellationToken cancellationToken = default) =>
        table.DeleteEntityAsync(Partition, KeyFor(channel, tenant, id), ETag.All, cancellationToken);

    /// <summary>The marker's key: not the index key (a different salt), so erasing leaves no index key behind.</summary>
    internal static string KeyFor(string channel, string tenant, string id)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(id);
        var material = Encoding.UTF8.GetBytes($"suppressed|{channel.Length}:{channel}|{tenant.Length}:{tenant}|{id}");
        return "s-" + Convert.ToHexStringLower(SHA256.HashData(material));
    }
}
