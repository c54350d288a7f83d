using System.Collections.Concurrent;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// Stores a person's 1:1 chat with the bot when they install the app personally (or talk to it privately),
/// so private reminders can reach them later without creating a chat. An install is always written; other
/// private turns are written once per instance per chat, so everyday messages cost no extra round trip.
/// Does nothing when no <see cref="IPersonalConversationStore"/> is registered.
/// </summary>
public sealed partial class PersonalConversationRecorder(
    TimeProvider clock,
    ILogger<PersonalConversationRecorder> logger,
    IPersonalConversationStore? store = null)
{
    // A write-suppression cache only: losing it costs one extra write, never correctness.
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    /// <summary>Records the chat when the turn happened in one. Failures are logged, never thrown.</summary>
    public async Task RecordAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (store is null || !turn.IsPersonal || !turn.Address.TryGetValue(TeamsAddress.ConversationId, out var conversationId))
        {
            return;
        }

        var channel = turn.Conversation.Channel;
        var tenant = turn.Conversation.Tenant;
        var key = string.Join('|', channel, tenant, turn.From.Id);
        if (turn.Kind != TurnKind.BotAdded && _written.TryGetValue(key, out var known) && string.Equals(known, conversationId, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await store.SaveAsync(new PersonalConversation(channel, tenant, turn.From.Id, turn.Address, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn itself succeeded; the next private turn tries again.
            LogFailed(logger, ex);
            return;
        }

        if (_written.Count >= MaxRemembered)
        {
            _written.Clear();
        }

        _written[key] = conversationId;
        LogRecorded(logger, channel);
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Stored a person's private {Channel} chat for reminders")]
    private static partial void LogRecorded(ILogger logger, string channel);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Could not store a person's private chat")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
