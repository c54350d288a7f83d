using System.Text.Json;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Erases a person from one group's partition in one optimistic save: their roster entry, open prompt and pending
/// questions go; records the group keeps (ticks, decisions, minutes, action history, forms) keep their content
/// with the person's name and ids replaced (see <see cref="PersonScrub"/>); actions they owned lose their owner
/// and the group is told once, through the outbox. Outbox replies about them queued before they asked are
/// dropped; index changes about them are applied first, then dropped. The save is tagged with the job, so a
/// job run again after a crash sees the group as done.
/// </summary>
public sealed partial class GroupScrubber(
    IGroupStore store,
    OutboxWriter outbox,
    IOutboxStore pending,
    IEnumerable<IIndexProjection> projections,
    IEnumerable<IProactiveMessenger> messengers,
    RetentionOptions options,
    TimeProvider clock,
    ILogger<GroupScrubber> logger,
    OutboxDelivery? delivery = null)
{
    private readonly IIndexProjection[] _projections = projections.ToArray();
    private readonly IProactiveMessenger[] _messengers = messengers.ToArray();

    /// <summary>Erases the person from the group; returns false when the group kept changing (the job tries again).</summary>
    public async Task<bool> ScrubAsync(string groupId, PersonErasure erasure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var nonce = Guid.NewGuid().ToString("N");
        var scrub = new PersonScrub(erasure.Secrets, erasure.Placeholder, erasure.Person.Name);
        for (var attempt = 1; attempt <= ConflictRetry.MaxAttempts; attempt++)
        {
            await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            var unowned = await ScrubStateAsync(state, scrub, erasure, cancellationToken).ConfigureAwait(false);
            if (!state.HasChanges)
            {
                return true;
            }

            var now = clock.GetUtcNow();
            var rows = Stage(state, unowned, nonce, now);
            if (rows.Count > 0)
            {
                await pending.MarkPendingAsync(groupId, cancellationToken).ConfigureAwait(false);
            }

            switch (await store.SaveAsync(state, "rights-" + erasure.JobId, nonce, cancellationToken).ConfigureAwait(false))
            {
                case SaveOutcome.Saved:
                    LogScrubbed(logger, groupId, unowned.Count);
                    if (rows.Count > 0 && delivery is not null)
                    {
                        await delivery.DeliverSavedAsync(rows.Select(r => new OutboxEntry(groupId, r, state.VersionOf(r.Key))).ToList(), cancellationToken).ConfigureAwait(false);
                    }

                    return true;
                case SaveOutcome.Duplicate:
                    return true;
                default:
                    continue;
            }
        }

        return false;
    }

    private async Task<List<ActionItem>> ScrubStateAsync(GroupState state, PersonScrub scrub, PersonErasure erasure, CancellationToken cancellationToken)
    {
        var unowned = new List<ActionItem>();
        foreach (var record in state.All.ToList())
        {
            switch (record)
            {
                case OutboxRecord row:
                    await DropOutboxRowAsync(state, row, scrub, erasure, cancellationToken).ConfigureAwait(false);
                    continue;
                case MemberRecord member when scrub.HoldsId(member.Member.Id):
                case DialogState dialog when scrub.HoldsId(dialog.UserId):
                    state.Remove(record.Key);
                    continue;
                case PendingActionRecord question when scrub.Mentions(JsonSerializer.Serialize(question, RecordMapper.Json)):
                    state.Remove(record.Key);
                    continue;
            }

            var current = record;
            if (record is ActionItem { Owner: { } owner } action && scrub.HoldsId(owner.Id))
            {
                current = action with { Owner = null, OwnerKey = null };
                if (action.IsOpen)
                {
                    unowned.Add(action);
                }
            }

            var node = JsonSerializer.SerializeToNode(current, current.GetType(), RecordMapper.Json)!;
            var changed = scrub.Scrub(node, names: !(current is MinutesRecord && options.KeepNamesInMinutes));
            if (!changed && ReferenceEquals(current, record))
            {
                continue;
            }

            var replaced = (IGroupRecord)node.Deserialize(current.GetType(), RecordMapper.Json)!;
            if (replaced is ActionItem scrubbed && record is ActionItem before)
            {
                // A higher revision, so the indexes take the scrubbed copy (title, owner) over the rows they hold.
                replaced = scrubbed with { Revision = before.Revision + 1 };
            }

            if (!string.Equals(replaced.Key, record.Key, StringComparison.Ordinal))
            {
                state.Remove(record.Key);
            }

            state.Put(replaced);
        }

        return unowned;
    }

    private async Task DropOutboxRowAsync(GroupState state, OutboxRecord row, PersonScrub scrub, PersonErasure erasure, CancellationToken cancellationToken)
    {
        if (!scrub.Mentions(row.Payload))
        {
            return;
        }

        if (row.Type == OutboxKind.Index)
        {
            // Other people's index changes may share the row: apply it (idempotent) before it goes.
            if (_projections.FirstOrDefault(p => p.Name == row.Target) is { } projection)
            {
                await projection.ApplyAsync(state.GroupId, row.Payload, cancellationToken).ConfigureAwait(false);
            }

            state.Remove(row.Key);
        }
        else if (row.CreatedAt < erasure.RequestedAt)
        {
            state.Remove(row.Key);
        }
    }

    // The group is told once which actions lost their owner; the projections move the indexes in the same save.
    private IReadOnlyList<OutboxRecord> Stage(GroupState state, List<ActionItem> unowned, string nonce, DateTimeOffset now)
    {
        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        var renderer = reference is null ? null : _messengers.FirstOrDefault(m => m.Serves(reference.Channel))?.GroupRenderer(reference);
        var replies = new List<PlannedReply>();
        if (unowned.Count > 0 && renderer is not null)
        {
            var list = string.Join(", ", unowned.OrderBy(a => a.Id).Select(a => $"#{a.Id} {a.Title}"));
            var text = $"A member asked me to forget them, so {(unowned.Count == 1 ? "this action has" : "these actions have")} no owner now: {list}. "
                + "Type \"actions\" to see them and give each a new owner.";
            replies.Add(new PlannedReply(new Reply { Text = text }, DeliveryAction.Post));
        }

        return outbox.Stage(state, nonce, renderer, replies, now);
    }

    [LoggerMessage(EventId = 2900, Level = LogLevel.Information, Message = "Erased a person from group {GroupId}; {Unowned} open actions lost their owner")]
    private static partial void LogScrubbed(ILogger logger, string groupId, int unowned);
}
