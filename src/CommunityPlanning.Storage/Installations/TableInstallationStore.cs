using System.Net;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Installations;

namespace CommunityPlanning.Storage.Installations;

/// <summary>
/// Installations in table <c>slackinstalls</c>: PartitionKey the scope (<c>team</c> or <c>enterprise</c>), RowKey the
/// key-encoded workspace or organisation id. The token column holds only the sealed token and its key id.
/// </summary>
public sealed class TableInstallationStore(TableClient table) : IInstallationStore
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "slackinstalls";

    /// <summary>The underlying table, for start-up creation.</summary>
    internal TableClient Table => table;

    /// <inheritdoc />
    public async Task<Installation?> FindAsync(string scope, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(scope, KeyCodec.Encode(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value!.GetString(nameof(Installation.SealedToken)) is not { } sealedToken || row.Value.GetString(nameof(Installation.KeyId)) is not { } keyId)
            {
                return null;
            }

            var entity = row.Value;
            return new Installation(scope, id)
            {
                Name = entity.GetString(nameof(Installation.Name)),
                EnterpriseId = entity.GetString(nameof(Installation.EnterpriseId)),
                BotUserId = entity.GetString(nameof(Installation.BotUserId)),
                SealedToken = sealedToken,
                KeyId = keyId,
                Scopes = entity.GetString(nameof(Installation.Scopes)),
                InstalledAt = entity.GetDateTimeOffset(nameof(Installation.InstalledAt)) ?? DateTimeOffset.MinValue,
            };
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(Installation installation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installation);

        // A new OAuth exchange replaces the old token whatever it was: the newest install wins, so a plain upsert is right.
        var entity = new TableEntity(installation.Scope, KeyCodec.Encode(installation.Id))
        {
            [nameof(Installation.Name)] = Limit(installation.Name),
            [nameof(Installation.EnterpriseId)] = installation.EnterpriseId,
            [nameof(Installation.BotUserId)] = installation.BotUserId,
            [nameof(Installation.SealedToken)] = installation.SealedToken,
            [nameof(Installation.KeyId)] = installation.KeyId,
            [nameof(Installation.Scopes)] = Limit(installation.Scopes),
            [nameof(Installation.InstalledAt)] = installation.InstalledAt.ToUniversalTime(),
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

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string scope, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(scope, KeyCodec.Encode(id), ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string? Limit(string? value) => value is { Length: > 1000 } ? value[..1000] : value;
}
