using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>The result of a turn: what was saved and what is to be delivered.</summary>
/// <param name="Replies">What the turn says, in order.</param>
/// <param name="Duplicate">True when the turn had already been handled: nothing new to send.</param>
public sealed record TurnOutcome(IReadOnlyList<Reply> Replies, bool Duplicate)
{
    /// <summary>The outcome of a redelivered turn.</summary>
    public static TurnOutcome AlreadyHandled { get; } = new([], true);

    /// <summary>True when the turn's changes and its outbox rows were saved.</summary>
    public bool Saved { get; init; }

    /// <summary>The reply the channel answers the request with (a Teams invoke response), if any.</summary>
    public Reply? Inline { get; init; }

    /// <summary>The outbox rows saved with the turn, to deliver now (they are claimed for this instance).</summary>
    public IReadOnlyList<OutboxEntry> Outbox { get; init; } = [];

    /// <summary>Rendered messages for a turn whose change was not saved (busy, too large, storage down): send once, not stored.</summary>
    public IReadOnlyList<string> Unsaved { get; init; } = [];
}

/// <summary>
/// Runs a turn: one read of the group's state, the handler, one atomic write that holds the turn's changes,
/// its redelivery marker and its outbox rows (replies rendered for the channel, index changes). When someone
/// else changed the same records meanwhile, the turn runs again from fresh state (a few times at most).
/// Nothing is delivered before the write succeeded.
/// </summary>
public sealed partial class TurnProcessor(
    IGroupStore store,
    TurnRouter router,
    OutboxWriter outbox,
    TimeProvider clock,
    ILogger<TurnProcessor> logger,
    IOutboxStore? pending = null,
    MentionConfirmer? rosters = null,
    Journey.ActionPlanUpgrade? upgrade = null,
    IStorageReadiness? readiness = null)
{
    /// <summary>
    /// How long a turn that arrives while the host is still creating its tables waits for them (the first message after
    /// a start), before it tries anyway. Once start-up's first attempt has ended (even if storage was down) no turn waits.
    /// </summary>
    public static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    /// <summary>How many times a turn is tried when others keep changing the same records.</summary>
    public const int MaxAttempts = ConflictRetry.MaxAttempts;

    /// <summary>What a person is told when storage could not be reached.</summary>
    public const string StorageDown = "Sorry, I couldn't reach my storage just now, so that may not have been saved. Please try again in a minute.";

    /// <summary>Handles a turn without rendering replies for a channel (they are returned, not stored).</summary>
    public Task<TurnOutcome> ProcessAsync(Turn turn, CancellationToken cancellationToken = default) =>
        ProcessAsync(turn, null, cancellationToken);

    /// <summary>
    /// Handles a turn end to end. With a <paramref name="renderer"/> the replies are rendered for its channel and
    /// saved in the outbox with the turn; the caller delivers <see cref="TurnOutcome.Outbox"/> right after.
    /// </summary>
    public async Task<TurnOutcome> ProcessAsync(Turn turn, IReplyRenderer? renderer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var groupId = turn.Conversation.GroupId;

        // Mentions are checked against the roster once, before any attempt: the answer does not change on a retry.
        if (rosters is not null)
        {
            turn = await rosters.ConfirmAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (readiness is not null)
        {
            await WaitUntilReadyAsync(readiness, cancellationToken).ConfigureAwait(false);
        }

        using var span = TurnTelemetry.Source.StartActivity("turn");
        span?.SetTag("turn.kind", turn.Kind.ToString());
        var started = clock.GetTimestamp();

        // One nonce for the whole turn, so a retried write of ours that landed is told from a redelivery.
        var nonce = Guid.NewGuid().ToString("N");

        // The group is listed as having outbox rows before any save writes them. Almost every turn has a reply, and
        // an instance lists a group once in a while, so the listing starts now and overlaps the load.
        var listing = pending?.MarkPendingAsync(groupId, cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
                var state = await store.LoadForTurnAsync(groupId, attempt, cancellationToken).ConfigureAwait(false);
                if (upgrade is not null)
                {
                    state = await upgrade.PrepareAsync(state, turn, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                var context = new TurnContext(turn, state, clock.GetUtcNow());
                await router.RouteAsync(context, cancellationToken).ConfigureAwait(false);
                var planned = DeliveryRules.Plan(turn, context.Replies);
                SaveOutcome outcome;
                IReadOnlyList<OutboxRecord> rows;
                try
                {
                    rows = outbox.Stage(state, nonce, renderer, planned, context.Now);
                    if (rows.Count > 0 && listing is not null)
                    {
                        await listing.ConfigureAwait(false);
                    }

                    outcome = await store.SaveAsync(state, turn.TurnId, nonce, cancellationToken).ConfigureAwait(false);
                }
                catch (StoreLimitException ex)
                {
                    LogTooLarge(logger, groupId, ex.Message);
                    TurnTelemetry.Handled(turn.Kind, "too-large", attempt, clock.GetElapsedTime(started));
                    return Unsaved(turn, renderer, Messages.TooLarge);
                }

                switch (outcome)
                {
                    case SaveOutcome.Saved:
                        LogHandled(logger, turn.Kind, groupId, attempt);
                        rosters?.AfterSave(turn);
                        TurnTelemetry.Handled(turn.Kind, "saved", attempt, clock.GetElapsedTime(started));
                        return new TurnOutcome(context.Replies, false)
                        {
                            Saved = true,
                            Inline = planned.FirstOrDefault(p => p.Action == DeliveryAction.Inline)?.Reply,
                            Outbox = await SavedRowsAsync(groupId, state, rows, nonce, cancellationToken).ConfigureAwait(false),
                        };
                    case SaveOutcome.Duplicate:
                        LogDuplicate(logger, groupId);
                        TurnTelemetry.Handled(turn.Kind, "duplicate", attempt, clock.GetElapsedTime(started));
                        return TurnOutcome.AlreadyHandled;
                    default:
                        LogConflict(logger, groupId, attempt);
                        break;
                }
            }
        }
        catch (StoreUnavailableException ex)
        {
            LogStorageDown(logger, ex, groupId);
            TurnTelemetry.Handled(turn.Kind, "storage-down", 0, clock.GetElapsedTime(started));
            return Unsaved(turn, renderer, StorageDown);
        }
        finally
        {
            // A turn that ended before it needed the listing still observes how the listing went.
            if (listing is { IsCompletedSuccessfully: false })
            {
                _ = listing.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        TurnTelemetry.Handled(turn.Kind, "busy", MaxAttempts, clock.GetElapsedTime(started));
        return Unsaved(turn, renderer, Messages.Busy);
    }

    // The rows the save wrote, at their stored versions. When the save found that an earlier attempt of this turn had
    // already landed (its answer was lost), the rows in storage are that attempt's, not this one's, and their versions
    // are unknown here: they are read back (one query of the group's outbox), so they go now rather than after their
    // claim runs out.
    private async Task<IReadOnlyList<OutboxEntry>> SavedRowsAsync(
        string groupId, Domain.State.GroupState state, IReadOnlyList<OutboxRecord> rows, string nonce, CancellationToken cancellationToken)
    {
        var entries = rows.Select(r => new OutboxEntry(groupId, r, state.VersionOf(r.Key))).ToList();
        if (pending is null || entries.TrueForAll(e => e.Version is not null))
        {
            return entries;
        }

        try
        {
            var stored = await pending.ListAsync(groupId, cancellationToken).ConfigureAwait(false);
            var ours = stored.Where(e => OutboxRecord.NonceOf(e.Record.Batch) == nonce).ToList();
            LogReadBack(logger, groupId, ours.Count);
            return ours;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The rows are stored and claimed by this instance: the dispatcher sends them once the claim runs out.
            LogReadBackFailed(logger, ex, groupId);
            return entries;
        }
    }

    // Completes at once after start-up's first attempt at the tables; only the first turns after a start ever wait.
    private static async Task WaitUntilReadyAsync(IStorageReadiness readiness, CancellationToken cancellationToken)
    {
        var ready = readiness.FirstAttemptAsync(cancellationToken);
        if (ready.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            await ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Storage is still not ready: the turn tries anyway and says so if storage cannot be reached.
        }
    }

    // Told only to the person who acted; never stored, since nothing was saved.
    private static TurnOutcome Unsaved(Turn turn, IReplyRenderer? renderer, string text)
    {
        var reply = new Reply { Text = text, Mode = ReplyMode.Private };
        var planned = DeliveryRules.Plan(turn, [reply]);
        return new TurnOutcome([reply], false)
        {
            Inline = planned.FirstOrDefault(p => p.Action == DeliveryAction.Inline)?.Reply,
            Unsaved = renderer is null ? [] : planned.Where(p => p.Action != DeliveryAction.Inline).SelectMany(renderer.Render).ToList(),
        };
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Handled {Kind} turn for group {GroupId} on attempt {Attempt}")]
    private static partial void LogHandled(ILogger logger, TurnKind kind, string groupId, int attempt);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Dropped a redelivered turn for group {GroupId}")]
    private static partial void LogDuplicate(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Concurrent change in group {GroupId} on attempt {Attempt}; running the turn again")]
    private static partial void LogConflict(ILogger logger, string groupId, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused to save an oversized change for group {GroupId}: {Reason}")]
    private static partial void LogTooLarge(ILogger logger, string groupId, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Storage was unreachable during a turn for group {GroupId}; the person was asked to try again")]
    private static partial void LogStorageDown(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "A turn of group {GroupId} had already been saved by an earlier attempt; read back its {Count} outbox rows")]
    private static partial void LogReadBack(ILogger logger, string groupId, int count);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Could not read back the outbox rows of group {GroupId}'s landed save; the dispatcher sends them when their claim ends")]
    private static partial void LogReadBackFailed(ILogger logger, Exception exception, string groupId);
}
