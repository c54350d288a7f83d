using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// The groups each person is known in: PartitionKey = the person's index key (see <see cref="PersonIdentity.Key"/>),
/// RowKey = the group id, with their channel, tenant, user id and name. Written by <see cref="PersonGroupsProjection"/>
/// when a member record is added or renamed, and by <c>my data</c>; read by <c>my data</c> and <c>forget me</c>, so
/// erasing a person loads only their groups. The group partitions cannot answer "which groups is this person in"
/// without loading every group.
/// </summary>
public sealed class PersonGroupsTable(TableClient table)
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "persongroups";

    private const string ChannelProperty = "Channel";
    private const string TenantProperty = "Tenant";
    private const string UserIdProperty = "UserId";
    private const string NameProperty = "Name";

    /// <summary>The table.</summary>
    public TableClient Table => table;

    /// <summary>Records that the person is in the group (a blind upsert: the newest name wins).</summary>
    public async Task NoteAsync(PersonIdentity person, string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var entity = new TableEntity(KeyCodec.Encode(person.Key), KeyCodec.Encode(groupId))
        {
            [ChannelProperty] = person.Channel,
            [TenantProperty] = person.Tenant,
            [UserIdProperty] = person.UserId,
            [NameProperty] = person.Name,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person (as last noted) and their groups, under one index key; null when none are noted.</summary>
    public async Task<(PersonIdentity Person, IReadOnlyList<string> Groups)?> FindAsync(string personKey, CancellationToken cancellationToken = default)
    {
        PersonIdentity? person = null;
        var groups = new List<string>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyCodec.Encode(personKey)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                groups.Add(KeyCodec.Decode(entity.RowKey));
                person ??= new PersonIdentity(
                    entity.GetString(ChannelProperty) ?? string.Empty,
                    entity.GetString(TenantProperty) ?? string.Empty,
                    entity.GetString(UserIdProperty) ?? string.Empty,
                    entity.GetString(NameProperty) ?? string.Empty);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        return person is null ? null : (person, groups);
    }
}
