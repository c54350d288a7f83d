using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage;

/// <summary>
/// The group store on Azure Table Storage: one partition per group. A load is one query (paged past
/// 1,000 rows); a save is one entity-group transaction, every update and delete guarded by the ETag it
/// was read with, plus the group's version row (<see cref="VersionRowKey"/>), whose ETag changes with every save
/// and which marks the group's latest turns (<see cref="TurnMarks"/>), so a redelivered turn is a duplicate. A
/// turn's first attempt may be served from <see cref="GroupStateCache"/> without any read: its save then guards the
/// version row with the cached ETag, so a change made since, anywhere, fails the save and the turn runs again from
/// storage. A save that cannot guard the version row (a retry after a conflict, a state loaded unguarded) also
/// writes a write-once <c>seen|turn</c> row, so two such saves of one turn cannot both land.
/// </summary>
/// <remarks>
/// A loaded state leaves out the outbox rows this instance has finished but not yet deleted
/// (<see cref="DoneOutboxRows"/>), so the next save deletes them in its own transaction.
/// </remarks>
public sealed partial class TableGroupStore(
    TableClient table, RecordMapper mapper, ILogger<TableGroupStore> logger, GroupStateCache? cache = null, DoneOutboxRows? done = null) : IGroupStore
{
    /// <summary>Most operations in one transaction (service limit).</summary>
    public const int MaxOperations = 100;

    /// <summary>Most bytes in one transaction, with headroom under the 4 MiB service limit.</summary>
    public const int MaxTransactionBytes = 3_800_000;

    /// <summary>
    /// The RowKey of a group's version row. It sorts before every record key, so a partition query reads it first
    /// and a paged delete of the partition deletes it in its first transaction.
    /// </summary>
    public const string VersionRowKey = "!version";

    private const string SeenKind = "seen";
    private const string NonceProperty = "Nonce";

    // Seen rows sort between "seen|" and "seen}" ('}' follows '|'); loads skip them in the query itself.
    private static readonly string SeenLow = SeenKind + RecordKeys.Separator;
    private static readonly string SeenHigh = SeenKind + "}";

    // How each loaded state's save guards the version row; states this store did not load save as "Blind".
    private readonly ConditionalWeakTable<GroupState, LoadTicket> _tickets = [];

    /// <inheritdoc />
    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default) =>
        QueryAsync(groupId, guarded: false, cancellationToken);

    /// <inheritdoc />
    public async Task<GroupState> LoadForTurnAsync(string groupId, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        GroupState state;
        if (attempt <= 1 && cache is { Enabled: true } && cache.TryGet(groupId, out var cached))
        {
            state = cached.ToState(groupId);
            _tickets.AddOrUpdate(state, new LoadTicket(cached.Version, Guarded: true, FromCache: true, cached.Marks));
        }
        else
        {
            // A later attempt follows a conflict: it saves as before the cache (each record guarded by its own ETag),
            // so members changing different records at once all get through.
            return await QueryAsync(groupId, guarded: attempt <= 1, cancellationToken).ConfigureAwait(false);
        }

        done?.RemoveFrom(state);
        return state;
    }

    private async Task<GroupState> QueryAsync(string groupId, bool guarded, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var state = new GroupState(groupId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {groupId} and (RowKey lt {SeenLow} or RowKey ge {SeenHigh})");
        string? version;
        TurnMarks marks;
        try
        {
            (version, marks) = await LoadIntoAsync(state, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Loading group {groupId} failed: storage could not be reached.", ex);
        }

        // The version row is read first: anything read after it is as new or newer, so a cached copy can only
        // look older than it is (its next guarded save fails), never newer.
        var loaded = CachedGroup.Of(state, version, marks);
        cache?.Put(groupId, loaded);
        _tickets.AddOrUpdate(state, new LoadTicket(version, guarded, FromCache: false, marks));
        done?.RemoveFrom(state);
        return state;
    }

    private async Task<(string? Version, TurnMarks Marks)> LoadIntoAsync(GroupState state, string filter, CancellationToken cancellationToken)
    {
        var groupId = state.GroupId;
        string? version = null;
        var marks = TurnMarks.Empty;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(entity.RowKey, VersionRowKey, StringComparison.Ordinal))
            {
                version = entity.ETag.ToString();
                marks = TurnMarks.From(entity);
                continue;
            }

            var record = mapper.ToRecord(entity);
            if (record is null)
            {
                LogUnknownKind(logger, groupId, entity.GetString("Kind") ?? "(none)");
                continue;
            }

            state.Load(record, entity.ETag.ToString());
        }

        return (version, marks);
    }

    /// <inheritdoc />
    public async Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ticket = _tickets.TryGetValue(state, out var held) ? held : LoadTicket.Blind;
        if (!state.HasChanges && turnId is null && !ticket.FromCache)
        {
            return SaveOutcome.Saved;
        }

        var changed = state.Changed;
        var removed = state.Removed;
        var actions = new List<TableTransactionAction>();
        var keys = new List<string>();
        foreach (var record in changed)
        {
            var entity = mapper.ToEntity(state.GroupId, record);
            var version = state.VersionOf(record.Key);
            actions.Add(version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(version)));
            keys.Add(record.Key);
        }

        foreach (var key in removed)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(state.GroupId, KeyCodec.Encode(key)), new ETag(state.VersionOf(key)!)));
            keys.Add(key);
        }

        nonce ??= Guid.NewGuid().ToString("N");
        if (turnId is not null && ReferenceEquals(ticket, LoadTicket.Blind))
        {
            // A state this store did not load: read the version row, so its marks are checked and kept in bounds.
            ticket = await ReadTicketAsync(state.GroupId, cancellationToken).ConfigureAwait(false);
        }

        var marks = ticket.Marks;
        var mark = turnId is null ? null : TurnMarks.NameOf(state.GroupId, turnId);
        if (mark is not null && marks.TryFind(mark, out var markedBy))
        {
            // The turn is already saved: by another delivery of it, or by our own earlier attempt that landed.
            return string.Equals(markedBy, nonce, StringComparison.Ordinal) ? SaveOutcome.Saved : SaveOutcome.Duplicate;
        }

        var seenIndex = -1;
        if (turnId is not null && !ticket.Guarded)
        {
            seenIndex = actions.Count;
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, SeenEntity(state.GroupId, turnId, nonce)));
        }

        var versionIndex = actions.Count;
        var (versionAction, marksAfter) = VersionAction(state.GroupId, ticket, mark, nonce);
        actions.Add(versionAction);
        CheckLimits(actions);
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count && i < response.Value.Count; i++)
            {
                if (response.Value[i].Headers.ETag is { } etag)
                {
                    versions[keys[i]] = etag.ToString();
                }
            }

            state.AcceptChanges(versions);
            done?.Deleted(state.GroupId, removed);
            var newVersion = versionIndex < response.Value.Count ? response.Value[versionIndex].Headers.ETag?.ToString() : null;
            if (ticket.Guarded && newVersion is not null)
            {
                // The guard held, so the partition is exactly this state (and the version row holds these marks).
                var after = CachedGroup.Of(state, newVersion, marksAfter);
                cache?.Put(state.GroupId, after);
                _tickets.AddOrUpdate(state, ticket with { Version = newVersion, FromCache = false, Marks = marksAfter });
            }
            else
            {
                cache?.Evict(state.GroupId);
                _tickets.AddOrUpdate(state, LoadTicket.Blind);
            }

            return SaveOutcome.Saved;
        }
        catch (TableTransactionFailedException ex)
        {
            cache?.Evict(state.GroupId);
            return await ClassifyFailureAsync(ex, state.GroupId, turnId, nonce, seenIndex, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            cache?.Evict(state.GroupId);
            // The write may have landed before the connection failed: our own seen row says so.
            if (turnId is not null && await LandedAsync(state.GroupId, turnId, nonce, cancellationToken).ConfigureAwait(false))
            {
                LogLandedAfterError(logger, state.GroupId);
                return SaveOutcome.Saved;
            }

            throw new StoreUnavailableException($"Saving group {state.GroupId} failed: storage could not be reached.", ex);
        }
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => StorageErrors.IsUnreachable(ex, cancellationToken);

    private async Task<LoadTicket> ReadTicketAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(groupId, VersionRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue ? new LoadTicket(row.Value!.ETag.ToString(), Guarded: false, FromCache: false, TurnMarks.From(row.Value)) : LoadTicket.Blind;
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            throw new StoreUnavailableException($"Saving group {groupId} failed: storage could not be reached.", ex);
        }
    }

    private async Task<bool> LandedAsync(string groupId, string turnId, string nonce, CancellationToken cancellationToken)
    {
        try
        {
            // The version row marks every save of a turn; a save that could not guard it also wrote a seen row.
            var mark = TurnMarks.NameOf(groupId, turnId);
            var version = await table.GetEntityIfExistsAsync<TableEntity>(groupId, VersionRowKey, select: [mark], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (version.HasValue && TurnMarks.From(version.Value!).TryFind(mark, out var markedBy))
            {
                return string.Equals(markedBy, nonce, StringComparison.Ordinal);
            }

            var seen = await table.GetEntityIfExistsAsync<TableEntity>(groupId, SeenRowKey(turnId), cancellationToken: cancellationToken).ConfigureAwait(false);
            return seen.HasValue && string.Equals(seen.Value!.GetString(NonceProperty), nonce, StringComparison.Ordinal);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken) || ex is RequestFailedException)
        {
            return false;
        }
    }

    private async Task<SaveOutcome> ClassifyFailureAsync(
        TableTransactionFailedException ex, string groupId, string? turnId, string nonce, int seenIndex, CancellationToken cancellationToken)
    {
        var failed = ex.FailedTransactionActionIndex;
        switch ((HttpStatusCode)ex.Status)
        {
            case HttpStatusCode.Conflict when turnId is not null && (failed == seenIndex || failed is null):
                // The turn's seen row exists. Either a redelivery, or our own write landed and a
                // transport retry re-sent it: the nonce tells which.
                var seen = await table.GetEntityIfExistsAsync<TableEntity>(groupId, SeenRowKey(turnId), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (seen.HasValue && string.Equals(seen.Value!.GetString(NonceProperty), nonce, StringComparison.Ordinal))
                {
                    return SaveOutcome.Saved;
                }

                return seen.HasValue ? SaveOutcome.Duplicate : SaveOutcome.Conflict;
            case HttpStatusCode.PreconditionFailed:
            case HttpStatusCode.Conflict:
            case HttpStatusCode.NotFound:
                LogConflict(logger, groupId, ex.Status);
                return SaveOutcome.Conflict;
            default:
                if (ex.Status is 0 or 408 or >= 500)
                {
                    if (turnId is not null && await LandedAsync(groupId, turnId, nonce, cancellationToken).ConfigureAwait(false))
                    {
                        return SaveOutcome.Saved;
                    }

                    throw new StoreUnavailableException($"Saving group {groupId} failed with status {ex.Status}.", ex);
                }

                throw new InvalidOperationException($"Saving group {groupId} failed with status {ex.Status}.", ex);
        }
    }

    private static void CheckLimits(List<TableTransactionAction> actions)
    {
        if (actions.Count > MaxOperations)
        {
            throw new StoreLimitException($"A turn changed {actions.Count} records; one save holds at most {MaxOperations}.");
        }

        var bytes = actions.Sum(a => RecordMapper.EstimateBytes((TableEntity)a.Entity));
        if (bytes > MaxTransactionBytes)
        {
            throw new StoreLimitException($"A turn's changes are about {bytes / 1024} KiB; one save holds at most {MaxTransactionBytes / 1024} KiB.");
        }
    }

    // Guarded: the version row must still be at the ETag the state was read with (or still absent). Otherwise a
    // blind merge: the ETag changes all the same, which is all other instances' caches need to see. The turn's mark
    // rides in a merge (it adds to the marks others wrote); a row with too many marks is rewritten with the newest.
    private static (TableTransactionAction Action, TurnMarks Marks) VersionAction(string groupId, LoadTicket ticket, string? mark, string nonce)
    {
        var entity = VersionRow(groupId);
        var marks = ticket.Marks;
        if (mark is not null)
        {
            (marks, var value) = marks.With(mark, nonce);
            entity[mark] = value;
        }

        if (ticket.Version is not null && marks.Count > (ticket.Guarded ? TurnMarks.PruneAbove : TurnMarks.ReplaceAbove))
        {
            marks = marks.Pruned();
            var replacement = VersionRow(groupId);
            marks.WriteTo(replacement);
            return (new TableTransactionAction(TableTransactionActionType.UpdateReplace, replacement, new ETag(ticket.Version)), marks);
        }

        var action = !ticket.Guarded ? new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity)
            : ticket.Version is null ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, new ETag(ticket.Version));
        return (action, marks);
    }

    /// <summary>A group's version row with no turn marks, as a save or an erasure writes it.</summary>
    internal static TableEntity VersionRow(string groupId) => new(groupId, VersionRowKey) { ["Kind"] = "version" };

    private static TableEntity SeenEntity(string groupId, string turnId, string nonce) =>
        new(groupId, SeenRowKey(turnId)) { [NonceProperty] = nonce, ["Kind"] = SeenKind };

    private static string SeenRowKey(string turnId)
    {
        var key = KeyCodec.Encode(RecordKeys.Of(SeenKind, turnId));
        return key.Length <= KeyCodec.MaxLength ? key : KeyCodec.Encode(RecordKeys.Of(SeenKind, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(turnId)))));
    }

    // How a loaded state's save treats the version row.
    private sealed record LoadTicket(string? Version, bool Guarded, bool FromCache, TurnMarks Marks)
    {
        public static LoadTicket Blind { get; } = new(null, Guarded: false, FromCache: false, TurnMarks.Empty);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Skipped a record of unknown kind {Kind} in group {GroupId}")]
    private static partial void LogUnknownKind(ILogger logger, string groupId, string kind);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "A save for group {GroupId} failed on the way back but had landed")]
    private static partial void LogLandedAfterError(ILogger logger, string groupId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Save for group {GroupId} met a concurrent change (status {Status})")]
    private static partial void LogConflict(ILogger logger, string groupId, int status);
}
