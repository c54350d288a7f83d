using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// The after-save step, before the save: puts a turn's outbox rows into its state, so they are written in the
/// same transaction as its changes. The rows are the replies, rendered for the channel, and the change of each
/// registered <see cref="IIndexProjection"/> (the list is registered in one place, <c>AddIndexProjections</c>).
/// </summary>
public sealed class OutboxWriter(IEnumerable<IIndexProjection> projections, OutboxOptions options)
{
    private readonly IIndexProjection[] _projections = projections.ToArray();

    /// <summary>
    /// Adds the rows to <paramref name="state"/> and returns them. Rows are claimed for this instance (it
    /// delivers them right after the save) unless earlier replies of the group are still waiting: then the
    /// dispatcher delivers everything in order. <paramref name="proactive"/> marks the reply rows as proactive
    /// (see <see cref="OutboxRecord.Proactive"/>).
    /// </summary>
    public IReadOnlyList<OutboxRecord> Stage(
        GroupState state, string nonce, IReplyRenderer? renderer, IReadOnlyList<PlannedReply> replies, DateTimeOffset now, bool proactive = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        ArgumentNullException.ThrowIfNull(replies);
        var pending = state.OfType<OutboxRecord>().ToList();
        var ticks = Math.Max(now.UtcTicks, pending.Count == 0 ? 0 : pending.Max(r => OutboxRecord.TicksOf(r.Batch)) + 1);
        var batch = OutboxRecord.BatchId(ticks, nonce);
        var waiting = pending.Any(r => r.Type == OutboxKind.Reply);
        var rows = new List<OutboxRecord>();
        OutboxRecord Row(OutboxKind type, string target, string payload) => new(batch, rows.Count, type, target, payload)
        {
            CreatedAt = now,
            ClaimedBy = waiting && type == OutboxKind.Reply ? null : options.InstanceId,
            ClaimedUntil = waiting && type == OutboxKind.Reply ? null : now + options.ClaimTimeout,
        };

        if (renderer is not null)
        {
            foreach (var reply in replies.Where(r => r.Action != DeliveryAction.Inline))
            {
                var messages = renderer.Render(reply);
                for (var i = 0; i < messages.Count; i++)
                {
                    rows.Add(Row(OutboxKind.Reply, renderer.Channel, messages[i]) with { Anchor = i == 0 ? reply.Reply.Anchor : null, Proactive = proactive });
                }
            }
        }

        foreach (var projection in _projections)
        {
            if (projection.Project(state, now) is { } change)
            {
                rows.Add(Row(OutboxKind.Index, projection.Name, change));
            }
        }

        foreach (var row in rows)
        {
            state.Put(row);
        }

        return rows;
    }
}
