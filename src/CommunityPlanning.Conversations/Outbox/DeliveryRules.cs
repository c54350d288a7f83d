using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// The one place that decides how each reply is delivered, so every channel follows the same rules and
/// adapters only carry them out:
/// <list type="bullet">
/// <item>a turn that can answer inline (a Teams invoke) answers with its first reply that is not a new message;
/// when that reply replaces the source card, the card is also updated for everyone (never for an automatic
/// refresh, which would loop);</item>
/// <item><see cref="ReplyMode.ReplaceSource"/> updates the message the action came from, or posts when it is unknown;
/// a private source (a Slack ephemeral message) is answered privately;</item>
/// <item><see cref="ReplyMode.Private"/> goes only to the person;</item>
/// <item>a new message that names an earlier one (<see cref="Reply.ReplacesMessageId"/>, an anchored card)
/// updates it, posting afresh if it can no longer be updated;</item>
/// <item>everything else is a new message.</item>
/// </list>
/// </summary>
public static class DeliveryRules
{
    /// <summary>The delivery of each of a turn's replies, in order.</summary>
    public static IReadOnlyList<PlannedReply> Plan(Turn turn, IReadOnlyList<Reply> replies)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var planned = new List<PlannedReply>(replies.Count + 1);
        var automatic = turn.Submission?.IsAutomatic ?? false;
        var inlineTaken = !turn.AnswersInline;
        foreach (var reply in replies)
        {
            if (!inlineTaken && reply.Mode != ReplyMode.New)
            {
                inlineTaken = true;
                planned.Add(new PlannedReply(reply, DeliveryAction.Inline));
                if (reply.Mode == ReplyMode.ReplaceSource && !automatic && turn.SourceMessageId is { Length: > 0 } clicked)
                {
                    planned.Add(new PlannedReply(reply, DeliveryAction.Update, clicked));
                }

                continue;
            }

            planned.Add(reply.Mode switch
            {
                ReplyMode.ReplaceSource when automatic => new PlannedReply(reply, DeliveryAction.Inline),
                ReplyMode.ReplaceSource when turn.SourceIsPrivate => new PlannedReply(reply, DeliveryAction.Private),
                ReplyMode.ReplaceSource when turn.SourceMessageId is { Length: > 0 } source => new PlannedReply(reply, DeliveryAction.Update, source),
                ReplyMode.ReplaceSource => new PlannedReply(reply, DeliveryAction.Post),
                ReplyMode.Private => new PlannedReply(reply, DeliveryAction.Private),
                _ when reply.ReplacesMessageId is { Length: > 0 } earlier => new PlannedReply(reply, DeliveryAction.Update, earlier) { PostIfUpdateFails = true },
                _ => new PlannedReply(reply, DeliveryAction.Post),
            });
        }

        return planned;
    }
}
