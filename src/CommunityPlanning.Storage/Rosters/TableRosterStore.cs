using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Rosters;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Storage.Rosters;

/// <summary>
/// Group rosters in their own <c>rosters</c> table, so a big team never adds to a turn's load: PartitionKey =
/// the group id, RowKey = <c>p|</c> + the key-safe user id (one row per person), plus one <c>refresh</c> row
/// per group saying when the whole roster was last paged, claimed with its ETag.
/// </summary>
public sealed class TableRosterStore : IRosterStore
{
    /// <summary>The table's name (before the configured prefix).</summary>
    public const string TableName = "rosters";

    /// <summary>The RowKey prefix of person rows.</summary>
    public const string PersonPrefix = "p|";

    /// <summary>The RowKey of the group's refresh marker.</summary>
    public const string RefreshRow = "refresh";

    private const int BatchSize = 100;
    private const string UserId = "UserId";
    private const string Name = "Name";
    private const string Aad = "AadObjectId";
    private const string Role = "UserRole";
    private const string Guest = "Guest";
    private const string Updated = "Updated";
    private const string RefusalTold = "PrivateRefusalTold";
    private const string LastFull = "LastFull";
    private const string RetryAt = "RetryAt";
    private const string ClaimedUntil = "ClaimedUntil";

    private readonly TableClient _table;
    private readonly TimeProvider _clock;

    /// <summary>Creates the store on the account the group store uses.</summary>
    public TableRosterStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.Value.TableName(TableName));
        _clock = clock;
    }

    /// <summary>The table, for the start-up initializer.</summary>
    internal TableClient Table => _table;

    /// <summary>The RowKey of a person's row.</summary>
    public static string PersonKey(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var key = PersonPrefix + KeyCodec.Encode(userId);
        return key.Length <= KeyCodec.MaxLength ? key : PersonPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
    }

    /// <inheritdoc />
    public async Task<RosterPerson?> FindAsync(string groupId, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(groupId, PersonKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (found.HasValue && Read(found.Value!) is { } person)
        {
            return person;
        }

        // Teams message payloads name people by Entra object id: map it through the roster.
        if (!Guid.TryParse(id, out _))
        {
            return null;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {groupId} and AadObjectId eq {id}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return Read(entity);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task PutAsync(string groupId, IReadOnlyCollection<RosterPerson> people, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(people);
        var now = _clock.GetUtcNow();

        // Merge upserts: the channel's newest view of a person wins, and what we noted on the row stays.
        var actions = people.DistinctBy(p => PersonKey(p.UserId)).Select(p => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(groupId, PersonKey(p.UserId))
        {
            [UserId] = p.UserId,
            [Name] = p.Name.Length > 256 ? p.Name[..256] : p.Name,
            [Aad] = p.AadObjectId,
            [Role] = p.UserRole,
            [Guest] = p.Guest,
            [Updated] = now,
        })).ToList();
        foreach (var batch in actions.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string groupId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var id in userIds.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal))
        {
            // One by one: a missing row (already gone) must not fail the others, as it would in a batch.
            try
            {
                await _table.DeleteEntityAsync(groupId, PersonKey(id), ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RosterPerson> ListAsync(string groupId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {groupId} and RowKey ge {PersonPrefix} and RowKey lt {"p}"}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Read(entity) is { } person)
            {
                yield return person;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimRefreshAsync(string groupId, DateTimeOffset now, DateTimeOffset staleBefore, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(groupId, RefreshRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            if (!found.HasValue)
            {
                await _table.AddEntityAsync(new TableEntity(groupId, RefreshRow) { [ClaimedUntil] = now + claimFor }, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var marker = found.Value!;
            var due = (marker.GetDateTimeOffset(LastFull) is not { } last || last < staleBefore)
                && (marker.GetDateTimeOffset(RetryAt) is not { } retry || retry <= now)
                && (marker.GetDateTimeOffset(ClaimedUntil) is not { } claimed || claimed <= now);
            if (!due)
            {
                return false;
            }

            marker[ClaimedUntil] = now + claimFor;
            await _table.UpdateEntityAsync(marker, marker.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance claimed it first.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task FinishRefreshAsync(string groupId, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        // The Unix epoch stands for "none": always in the past, and within the range Table Storage accepts.
        var marker = new TableEntity(groupId, RefreshRow) { [ClaimedUntil] = DateTimeOffset.UnixEpoch, [RetryAt] = retryAt ?? DateTimeOffset.UnixEpoch };
        if (retryAt is null)
        {
            marker[LastFull] = now;
        }

        // The caller holds the claim: merging is safe, and keeps LastFull when a refresh failed.
        await _table.UpsertEntityAsync(marker, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkPrivateRefusalToldAsync(string groupId, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var key = PersonKey(userId);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(groupId, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            if (!found.HasValue)
            {
                await _table.AddEntityAsync(new TableEntity(groupId, key) { [UserId] = userId, [RefusalTold] = now }, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (found.Value!.GetDateTimeOffset(RefusalTold) is not null)
            {
                return false;
            }

            var row = new TableEntity(groupId, key) { [RefusalTold] = now };
            await _table.UpdateEntityAsync(row, found.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    // A row written only to note "told once" has no name yet: it is not a roster member.
    private static RosterPerson? Read(TableEntity entity) =>
        entity.GetString(UserId) is { Length: > 0 } id && entity.GetString(Name) is { } name
            ? new RosterPerson(id, name)
            {
                AadObjectId = entity.GetString(Aad),
                UserRole = entity.GetString(Role),
                Guest = entity.GetBoolean(Guest) ?? false,
            }
            : null;
}
