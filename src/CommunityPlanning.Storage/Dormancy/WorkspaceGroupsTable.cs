using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Dormancy;

/// <summary>
/// The groups of each workspace: table <c>workspacegroups</c>, PartitionKey channel|tenant, RowKey the group id (both
/// key-encoded), with the conversation's channel, tenant and id. Derived from each group's conversation reference
/// by <see cref="WorkspaceGroupsProjection"/>; read when a whole workspace is uninstalled or installed again.
/// </summary>
public sealed class WorkspaceGroupsTable(TableClient table) : IWorkspaceGroups
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "workspacegroups";

    private const string ChannelProperty = "Channel";
    private const string TenantProperty = "Tenant";
    private const string ConversationProperty = "Conversation";

    /// <summary>The underlying table, for start-up creation.</summary>
    internal TableClient Table => table;

    /// <inheritdoc />
    public async IAsyncEnumerable<ConversationKey> GroupsAsync(string channel, string tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = Partition(channel, tenant);
        var rows = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken);
        var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
                {
                    // No group has been indexed yet (the table is created at start-up).
                    break;
                }

                var row = enumerator.Current;
                if (row.GetString(ConversationProperty) is { } conversation)
                {
                    yield return new ConversationKey(channel, tenant, conversation);
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Lists a group under its workspace. Derived data, so an upsert is right.</summary>
    internal async Task AddAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(key.Channel, key.Tenant), KeyCodec.Encode(key.GroupId))
        {
            [ChannelProperty] = key.Channel,
            [TenantProperty] = key.Tenant,
            [ConversationProperty] = key.Conversation,
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

    private static string Partition(string channel, string tenant) => KeyCodec.Encode(RecordKeys.Of(channel, tenant));
}
