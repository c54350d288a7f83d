using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Storage.People;

/// <summary>
/// People's 1:1 conversations with the bot in the cross-group <c>people</c> table: one partition per
/// channel and tenant, one row per user. The table is created at start-up (and by a write that finds it
/// missing, should one come first).
/// </summary>
public sealed class TablePersonalConversationStore : IPersonalConversationStore
{
    /// <summary>The table's name (before the configured prefix).</summary>
    public const string TableName = "people";

    private const string AddressProperty = "Address";
    private const string UpdatedProperty = "Updated";

    private readonly TableClient _table;

    /// <summary>The table, for the start-up initializer.</summary>
    internal TableClient Table => _table;

    /// <summary>Creates the store on the account the group store uses.</summary>
    public TablePersonalConversationStore(TableServiceClient service, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.Value.TableName(TableName));
    }

    /// <inheritdoc />
    public async Task SaveAsync(PersonalConversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var entity = new TableEntity(PartitionKey(conversation.Channel, conversation.Tenant), RowKey(conversation.UserId))
        {
            [AddressProperty] = JsonSerializer.Serialize(conversation.Address),
            [UpdatedProperty] = conversation.Updated,
        };

        // A blind upsert on purpose: the newest 1:1 reference is always the right one, whoever wrote before.
        try
        {
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<PersonalConversation?> FindAsync(string channel, string tenant, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        NullableResponse<TableEntity> found;
        try
        {
            found = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(channel, tenant), RowKey(userId), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nobody has installed the app personally.
            return null;
        }

        if (!found.HasValue || found.Value!.GetString(AddressProperty) is not { Length: > 0 } json)
        {
            return null;
        }

        var address = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new PersonalConversation(channel, tenant, userId, address, found.Value.GetDateTimeOffset(UpdatedProperty) ?? DateTimeOffset.MinValue);
    }

    internal static string PartitionKey(string channel, string tenant) => KeyCodec.Encode(RecordKeys.Of(channel, tenant.Length == 0 ? "-" : tenant));

    internal static string RowKey(string userId)
    {
        var key = KeyCodec.Encode(userId);
        return key.Length <= KeyCodec.MaxLength ? key : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)));
    }
}
