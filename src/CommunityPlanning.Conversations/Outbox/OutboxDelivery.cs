using CommunityPlanning.Conversations.Pipeline;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// Does outbox rows: sends replies through their channel and applies index changes, then deletes each row
/// done. Used right after a save for the turn's own rows, and by the dispatcher for rows left over. Replies of
/// a group go out in row order: a reply that fails stops the later ones until it is done or dropped. A failed
/// row waits (backoff, or the channel's Retry-After) and is dropped with a log entry after
/// <see cref="OutboxOptions.MaxAttempts"/> tries. Never throws for a channel's or storage's failures.
/// </summary>
public sealed partial class OutboxDelivery(
    IOutboxStore store,
    IEnumerable<IOutboundChannel> channels,
    IEnumerable<IIndexProjection> projections,
    SentMessages sentMessages,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger,
    Dormancy.IDormantGroups? dormant = null)
{
    private readonly IOutboundChannel[] _channels = channels.ToArray();
    private readonly Dictionary<string, IIndexProjection> _projections = projections.ToDictionary(p => p.Name, StringComparer.Ordinal);

    // The groups this instance is working on now: how many works, and whether one of them left rows waiting behind
    // another that was still under way (so when the last one ends, those rows can go at once).
    private readonly Dictionary<string, (int Working, bool Waiting)> _working = new(StringComparer.Ordinal);
    private readonly Lock _workingGate = new();

    /// <summary>
    /// Raised when this instance has finished all its work on a group whose later rows had to wait for that work (a
    /// turn saved while the group's earlier replies were still being sent). The dispatcher does those rows at once
    /// instead of at its next tick.
    /// </summary>
    public event Action<string>? GroupFreed;

    /// <summary>
    /// Raised when this instance's work on a group ends with rows left over (waiting for a backoff, behind another
    /// reply, handed back or not reached), so the dispatcher does not leave that group alone for a while.
    /// </summary>
    public event Action<string>? RowsLeft;

    /// <summary>
    /// Does the rows a turn just saved (claimed by this instance), in order. Rows it cannot finish are released
    /// for the dispatcher. Returns false when something was left over.
    /// </summary>
    public async Task<bool> DeliverSavedAsync(IReadOnlyList<OutboxEntry> saved, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Count == 0)
        {
            return true;
        }

        try
        {
            return (await WorkAsync(saved, claimFirst: false, cancellationToken).ConfigureAwait(false)).AllDone;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Whatever happened, the rows are stored: the dispatcher finishes them once their claim ends.
            LogLeftForDispatcher(logger, saved[0].GroupId, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>Sends messages that were not stored (the turn's change was not saved) once, best effort.</summary>
    public async Task SendUnsavedAsync(string channel, IReadOnlyList<string> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (_channels.FirstOrDefault(c => c.Serves(channel)) is not { } sender)
        {
            return;
        }

        foreach (var message in messages)
        {
            try
            {
                var result = await sender.DeliverAsync(message, cancellationToken).ConfigureAwait(false);
                if (result.Status != DeliveryStatus.Delivered)
                {
                    LogUnsavedNotSent(logger, result.Reason ?? result.Status.ToString());
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnsavedNotSent(logger, "timeout");
                return;
            }
        }
    }

    /// <summary>Works through one group's rows (claiming each first); returns how many were finished.</summary>
    public async Task<int> DrainGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        (await DrainAsync(groupId, cancellationToken).ConfigureAwait(false)).Done;

    /// <summary>Works through one group's rows (claiming each first): how many were finished, and whether it had none.</summary>
    public async Task<(int Done, bool Empty)> DrainAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var entries = await store.ListAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await store.ForgetIfIdleAsync(groupId, clock.GetUtcNow() - options.PendingRetention, cancellationToken).ConfigureAwait(false);
            return (0, true);
        }

        return ((await WorkAsync(entries, claimFirst: true, cancellationToken).ConfigureAwait(false)).Done, false);
    }

    private async Task<(bool AllDone, int Done)> WorkAsync(IReadOnlyList<OutboxEntry> entries, bool claimFirst, CancellationToken cancellationToken)
    {
        var groupId = entries[0].GroupId;
        Begin(groupId);
        var allDone = false;
        try
        {
            var worked = await WorkRowsAsync(entries, claimFirst, cancellationToken).ConfigureAwait(false);
            allDone = worked.AllDone;
            return worked;
        }
        finally
        {
            if (!allDone)
            {
                RowsLeft?.Invoke(groupId);
            }

            if (End(groupId, leftWaiting: !allDone))
            {
                GroupFreed?.Invoke(groupId);
            }
        }
    }

    private void Begin(string groupId)
    {
        lock (_workingGate)
        {
            var now = _working.GetValueOrDefault(groupId);
            _working[groupId] = (now.Working + 1, now.Waiting);
        }
    }

    // True when this was the last work on the group and an earlier one left rows waiting behind work still under way.
    // A work that ends alone with rows left (a failed send waiting for its retry) does not count: nothing freed them.
    private bool End(string groupId, bool leftWaiting)
    {
        lock (_workingGate)
        {
            var (working, waiting) = _working[groupId];
            working--;
            waiting |= leftWaiting && working > 0;
            if (working > 0)
            {
                _working[groupId] = (working, waiting);
                return false;
            }

            _working.Remove(groupId);
            return waiting;
        }
    }

    private async Task<(bool AllDone, int Done)> WorkRowsAsync(IReadOnlyList<OutboxEntry> entries, bool claimFirst, CancellationToken cancellationToken)
    {
        var done = new List<OutboxEntry>();
        // The rows this instance holds a claim on and has not finished or handed back, by key, at their latest version.
        var held = claimFirst ? [] : entries
            .Where(e => e.Version is not null && string.Equals(e.Record.ClaimedBy, options.InstanceId, StringComparison.Ordinal))
            .ToDictionary(e => e.Record.Key, StringComparer.Ordinal);
        var finished = false;
        try
        {
            var allDone = await WorkInOrderAsync(entries, claimFirst, done, held, cancellationToken).ConfigureAwait(false);
            finished = true;
            return (allDone, done.Count);
        }
        finally
        {
            // Finishing never runs on the caller's token: when the host stops half-way, the rows already done are still
            // deleted, and the rows still claimed are handed back, so another instance (or this one restarted) takes them
            // at once instead of waiting for the claims to run out.
            using var finish = new CancellationTokenSource(options.FinishTimeout);
            if (finished)
            {
                if (done.Count > 0)
                {
                    await store.DeleteAsync(done, finish.Token).ConfigureAwait(false);
                }
            }
            else
            {
                await FinishInterruptedAsync(done, held.Values.ToList(), finish.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task FinishInterruptedAsync(List<OutboxEntry> done, List<OutboxEntry> held, CancellationToken cancellationToken)
    {
        try
        {
            if (done.Count > 0)
            {
                await store.DeleteAsync(done, cancellationToken).ConfigureAwait(false);
            }

            foreach (var entry in held)
            {
                await ReleaseAsync(entry, entry.Record with { ClaimedBy = null, ClaimedUntil = null }, cancellationToken).ConfigureAwait(false);
            }

            if (held.Count > 0)
            {
                LogHandedBack(logger, held[0].GroupId, held.Count);
            }
        }
        catch (Exception ex)
        {
            // Never hide why the work stopped; the claims run out on their own.
            LogFinishFailed(logger, ex, held.Concat(done).FirstOrDefault()?.GroupId ?? "(none)");
        }
    }

    private async Task<bool> WorkInOrderAsync(IReadOnlyList<OutboxEntry> entries, bool claimFirst, List<OutboxEntry> done, Dictionary<string, OutboxEntry> held, CancellationToken cancellationToken)
    {
        // A send under way when the work is stopped may finish (within FinishTimeout), so a graceful stop never cuts a
        // message short and sends it twice; no new row is started after the stop.
        using var sending = new CancellationTokenSource();
        using var stopped = cancellationToken.Register(() => sending.CancelAfter(options.FinishTimeout));
        var repliesBlocked = false;
        var allDone = true;
        foreach (var entry in entries.OrderBy(e => e.Record.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            var isReply = entry.Record.Type == OutboxKind.Reply;
            var mine = !claimFirst && string.Equals(entry.Record.ClaimedBy, options.InstanceId, StringComparison.Ordinal);
            // Right after the save only the turn's own claimed rows are done here; the dispatcher claims the rest.
            var blocked = (isReply && repliesBlocked)
                || entry.Version is null
                || (claimFirst ? entry.Record.IsClaimed(now) : !mine)
                || entry.Record.NotBefore > now;
            if (blocked)
            {
                // Keep the group's replies in order: nothing after a reply that is waiting goes first.
                repliesBlocked |= isReply;
                allDone = false;
                if (mine && entry.Version is not null)
                {
                    held.Remove(entry.Record.Key);
                    await ReleaseAsync(entry, entry.Record with { ClaimedBy = null, ClaimedUntil = null }, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var current = entry;
            if (!mine)
            {
                var claimed = await store.TryReplaceAsync(entry, entry.Record with { ClaimedBy = options.InstanceId, ClaimedUntil = now + options.ClaimTimeout }, cancellationToken).ConfigureAwait(false);
                if (claimed is null)
                {
                    repliesBlocked |= isReply;
                    allDone = false;
                    continue;
                }

                current = claimed;
                held[current.Record.Key] = current;
            }

            var result = await DoAsync(current, sending.Token).ConfigureAwait(false);
            if (result.Status == DeliveryStatus.Delivered)
            {
                held.Remove(current.Record.Key);
                done.Add(current);
                continue;
            }

            var attempts = current.Record.Attempts + 1;
            if (result.Status == DeliveryStatus.Failed || attempts >= options.MaxAttempts)
            {
                LogDropped(logger, current.GroupId, current.Record.Type, current.Record.Target, attempts, result.Reason ?? "(none)");
                held.Remove(current.Record.Key);
                done.Add(current);
                continue;
            }

            var wait = options.Backoff(attempts, result.RetryAfter);
            LogRetryLater(logger, current.GroupId, current.Record.Type, current.Record.Target, result.Reason ?? "(none)", wait.TotalSeconds);
            held.Remove(current.Record.Key);
            await ReleaseAsync(current, current.Record with { Attempts = attempts, NotBefore = clock.GetUtcNow() + wait, ClaimedBy = null, ClaimedUntil = null }, cancellationToken).ConfigureAwait(false);
            repliesBlocked |= isReply;
            allDone = false;
        }

        return allDone;
    }

    private async Task ReleaseAsync(OutboxEntry entry, OutboxRecord updated, CancellationToken cancellationToken)
    {
        if (await store.TryReplaceAsync(entry, updated, cancellationToken).ConfigureAwait(false) is null)
        {
            LogReleaseLost(logger, entry.GroupId);
        }
    }

    private async Task<DeliveryResult> DoAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var record = entry.Record;
        if (record.Type == OutboxKind.Index)
        {
            if (!_projections.TryGetValue(record.Target, out var projection))
            {
                return DeliveryResult.Refused("unknown-projection");
            }

            try
            {
                await projection.ApplyAsync(entry.GroupId, record.Payload, cancellationToken).ConfigureAwait(false);
                return DeliveryResult.Done();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogIndexFailed(logger, ex, entry.GroupId, record.Target);
                return DeliveryResult.Later(ex.GetType().Name);
            }
        }

        if (_channels.FirstOrDefault(c => c.Serves(record.Target)) is not { } channel)
        {
            return DeliveryResult.Refused("no-channel");
        }

        if (record.Proactive && dormant is not null && await dormant.IsDormantAsync(entry.GroupId, cancellationToken).ConfigureAwait(false))
        {
            // The bot was removed since the row was saved: it is dropped, not sent.
            LogDormantSkipped(logger, entry.GroupId);
            return DeliveryResult.Done();
        }

        DeliveryResult result;
        try
        {
            result = await channel.DeliverAsync(record.Payload, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout inside the channel: the platform may have taken it, so this is the one case that may repeat.
            result = DeliveryResult.Later("timeout");
        }

        if (result.Status == DeliveryStatus.Delivered && record.Anchor is { } anchor && result.MessageId is { Length: > 0 } messageId)
        {
            try
            {
                await sentMessages.RememberAsync(entry.GroupId, anchor, messageId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message is out; a later change posts a new card instead of updating this one.
                LogAnchorFailed(logger, ex, entry.GroupId);
            }
        }

        return result;
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Outbox {Type} row for {Target} in group {GroupId} failed ({Reason}); trying again in {Seconds} s")]
    private static partial void LogRetryLater(ILogger logger, string groupId, OutboxKind type, string target, string reason, double seconds);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Dropped an outbox {Type} row for {Target} in group {GroupId} after {Attempts} tries ({Reason})")]
    private static partial void LogDropped(ILogger logger, string groupId, OutboxKind type, string target, int attempts, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Delivering group {GroupId}'s outbox right after the save stopped ({Reason}); the dispatcher finishes it")]
    private static partial void LogLeftForDispatcher(ILogger logger, string groupId, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "A reply about an unsaved change was not sent ({Reason})")]
    private static partial void LogUnsavedNotSent(ILogger logger, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Applying index change {Target} for group {GroupId} failed")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string groupId, string target);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Could not remember an anchored message's id in group {GroupId}")]
    private static partial void LogAnchorFailed(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(EventId = 1753, Level = LogLevel.Information, Message = "A proactive outbox row of group {GroupId} was dropped: the group is dormant")]
    private static partial void LogDormantSkipped(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Stopped part-way through group {GroupId}'s outbox: handed back {Count} claimed rows for the next instance")]
    private static partial void LogHandedBack(ILogger logger, string groupId, int count);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Could not finish group {GroupId}'s outbox work after it stopped; its claims run out on their own")]
    private static partial void LogFinishFailed(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Debug, Message = "An outbox row of group {GroupId} changed before it could be released")]
    private static partial void LogReleaseLost(ILogger logger, string groupId);
}
