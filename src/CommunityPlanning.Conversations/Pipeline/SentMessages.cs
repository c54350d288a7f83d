using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// Remembers the channel's id of an anchored message after an adapter sent it. This is a write of its
/// own after the turn (the id exists only once the message is sent), made only for anchored replies.
/// </summary>
public sealed partial class SentMessages(IGroupStore store, TimeProvider clock, ILogger<SentMessages> logger)
{
    /// <summary>Stores <paramref name="messageId"/> under <paramref name="anchor"/> in the group. Never throws for storage conflicts.</summary>
    public async Task RememberAsync(string groupId, string anchor, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(anchor);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        for (var attempt = 1; attempt <= ConflictRetry.MaxAttempts; attempt++)
        {
            await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (state.Find<SentMessageRecord>(SentMessageRecord.KeyFor(anchor)) is { } known && known.MessageId == messageId)
            {
                return;
            }

            state.Put(new SentMessageRecord(anchor, messageId, clock.GetUtcNow()));
            if (await store.SaveAsync(state, null, cancellationToken: cancellationToken).ConfigureAwait(false) == SaveOutcome.Saved)
            {
                return;
            }
        }

        LogGaveUp(logger, groupId);
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not remember a sent message's id in group {GroupId}; a later change will post a new card instead")]
    private static partial void LogGaveUp(ILogger logger, string groupId);
}
