using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Migration on read: a group stored with the old step-5 action plan rows and step-8 update rows is converted to
/// actions (<see cref="LegacyActionPlan"/>) as a turn loads it, before anything handles the turn, so every
/// handler sees one action list. What fits is saved in the turn's own atomic write. A group with more than that
/// (up to 100 plan rows and 500 updates) has the rest saved first, in a few writes of its own, each atomic and
/// ETag-guarded, so a crash part-way leaves rows converted or not, never both, and the next turn carries on.
/// </summary>
public sealed partial class ActionPlanUpgrade(IGroupStore store, OutboxWriter outbox, ILogger<ActionPlanUpgrade> logger, IOutboxStore? pending = null)
{
    /// <summary>Most records the conversion adds to the turn's own save, leaving room for the turn's changes.</summary>
    public const int InTurnOperations = 40;

    /// <summary>Most records one save of its own converts (a save holds 100 with its outbox rows).</summary>
    public const int ChunkOperations = 80;

    private const int MaxSaves = 40;

    /// <summary>The state to run the turn on: converted in memory, with anything too large for the turn saved first.</summary>
    public async Task<GroupState> PrepareAsync(GroupState state, Turn turn, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(turn);
        if (!LegacyActionPlan.IsPending(state))
        {
            return state;
        }

        string OwnerKey(MemberRef owner) => AssigneeKeys.For(turn.Conversation.Channel, turn.Conversation.Tenant, owner.Id);
        for (var save = 0; save < MaxSaves; save++)
        {
            var used = LegacyActionPlan.Convert(state, OwnerKey, InTurnOperations);
            if (!LegacyActionPlan.IsPending(state))
            {
                LogConverted(logger, state.GroupId, used);
                return state;
            }

            used += LegacyActionPlan.Convert(state, OwnerKey, ChunkOperations - used);
            var nonce = Guid.NewGuid().ToString("N");
            var rows = outbox.Stage(state, nonce, null, [], now);
            if (rows.Count > 0 && pending is not null)
            {
                await pending.MarkPendingAsync(state.GroupId, cancellationToken).ConfigureAwait(false);
            }

            SaveOutcome outcome;
            try
            {
                outcome = await store.SaveAsync(state, null, nonce, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreLimitException ex)
            {
                // Left for the turn's own save to refuse with its friendly message; nothing was written.
                LogTooLarge(logger, state.GroupId, ex.Message);
                return state;
            }

            if (outcome == SaveOutcome.Saved)
            {
                LogSavedPart(logger, state.GroupId, used);
                continue;
            }

            // Another instance converted (or changed) the group meanwhile: carry on from what it stored.
            LogConflict(logger, state.GroupId);
            state = await store.LoadAsync(state.GroupId, cancellationToken).ConfigureAwait(false);
            if (!LegacyActionPlan.IsPending(state))
            {
                return state;
            }
        }

        return state;
    }

    [LoggerMessage(EventId = 1550, Level = LogLevel.Information, Message = "Converted group {GroupId}'s old action plan rows to actions in the turn's save ({Records} records)")]
    private static partial void LogConverted(ILogger logger, string groupId, int records);

    [LoggerMessage(EventId = 1551, Level = LogLevel.Information, Message = "Saved part of group {GroupId}'s action plan conversion on its own ({Records} records)")]
    private static partial void LogSavedPart(ILogger logger, string groupId, int records);

    [LoggerMessage(EventId = 1552, Level = LogLevel.Information, Message = "Group {GroupId}'s action plan conversion met a concurrent change; reloading")]
    private static partial void LogConflict(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1553, Level = LogLevel.Warning, Message = "Part of group {GroupId}'s action plan conversion was too large to save: {Reason}")]
    private static partial void LogTooLarge(ILogger logger, string groupId, string reason);
}
