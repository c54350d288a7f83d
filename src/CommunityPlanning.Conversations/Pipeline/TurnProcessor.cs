using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>The result of a turn: the replies to send, or nothing for a redelivered turn.</summary>
/// <param name="Replies">What to send, in order.</param>
/// <param name="Duplicate">True when the turn had already been handled: send nothing.</param>
public sealed record TurnOutcome(IReadOnlyList<Reply> Replies, bool Duplicate)
{
    /// <summary>The outcome of a redelivered turn.</summary>
    public static TurnOutcome AlreadyHandled { get; } = new([], true);
}

/// <summary>
/// Runs a turn: one read of the group's state, the handler, one atomic write. When someone else
/// changed the same records meanwhile, the turn runs again from fresh state (a few times at most).
/// Replies are released only after the write succeeded.
/// </summary>
public sealed partial class TurnProcessor(IGroupStore store, TurnRouter router, TimeProvider clock, ILogger<TurnProcessor> logger)
{
    /// <summary>How many times a turn is tried when others keep changing the same records.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Handles a turn end to end.</summary>
    public async Task<TurnOutcome> ProcessAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var groupId = turn.Conversation.GroupId;
        using var span = TurnTelemetry.Source.StartActivity("turn");
        span?.SetTag("turn.kind", turn.Kind.ToString());
        var started = clock.GetTimestamp();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            var context = new TurnContext(turn, state, clock.GetUtcNow());
            await router.RouteAsync(context, cancellationToken).ConfigureAwait(false);
            SaveOutcome outcome;
            try
            {
                outcome = await store.SaveAsync(state, turn.TurnId, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreLimitException ex)
            {
                LogTooLarge(logger, groupId, ex.Message);
                TurnTelemetry.Handled(turn.Kind, "too-large", attempt, clock.GetElapsedTime(started));
                return new TurnOutcome([Reply.Say(Messages.TooLarge)], false);
            }

            switch (outcome)
            {
                case SaveOutcome.Saved:
                    LogHandled(logger, turn.Kind, groupId, attempt);
                    TurnTelemetry.Handled(turn.Kind, "saved", attempt, clock.GetElapsedTime(started));
                    return new TurnOutcome(context.Replies, false);
                case SaveOutcome.Duplicate:
                    LogDuplicate(logger, groupId);
                    TurnTelemetry.Handled(turn.Kind, "duplicate", attempt, clock.GetElapsedTime(started));
                    return TurnOutcome.AlreadyHandled;
                default:
                    LogConflict(logger, groupId, attempt);
                    break;
            }
        }

        TurnTelemetry.Handled(turn.Kind, "busy", MaxAttempts, clock.GetElapsedTime(started));
        return new TurnOutcome([Reply.Say(Messages.Busy)], false);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Handled {Kind} turn for group {GroupId} on attempt {Attempt}")]
    private static partial void LogHandled(ILogger logger, TurnKind kind, string groupId, int attempt);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Dropped a redelivered turn for group {GroupId}")]
    private static partial void LogDuplicate(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Concurrent change in group {GroupId} on attempt {Attempt}; running the turn again")]
    private static partial void LogConflict(ILogger logger, string groupId, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused to save an oversized change for group {GroupId}: {Reason}")]
    private static partial void LogTooLarge(ILogger logger, string groupId, string reason);
}
