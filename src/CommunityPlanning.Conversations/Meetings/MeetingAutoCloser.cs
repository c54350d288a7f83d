using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// Closes meetings nobody ended, <see cref="MeetingRules.AutoCloseAfter"/> after they started: the same change
/// a person's "meeting end" makes (minutes marked "closed automatically"), saved with the versions read and
/// run again on a concurrent change, then the minutes are posted to the group. The save carries a fixed turn
/// id, so when two hosts close the same meeting only one save lands and only that one posts. Where the group's
/// channel renders for the outbox (with <paramref name="outbox"/>), the minutes reply is stored as outbox rows
/// in the same save and delivered from there, like a turn's replies, so a crash or a failed send after the save
/// loses nothing: the outbox dispatcher posts it. The meeting's shared card, when its message id is known
/// (<c>sent|meeting|…</c>), is updated in the same way to "Meeting ended" with a Minutes button, before the minutes.
/// </summary>
public sealed partial class MeetingAutoCloser(
    IOpenMeetingIndex index,
    IGroupStore store,
    IEnumerable<IProactiveMessenger> messengers,
    IMinutesLinks links,
    TimeProvider clock,
    ILogger<MeetingAutoCloser> logger,
    OutboxWriter? outbox = null,
    OutboxDelivery? delivery = null,
    IOutboxStore? pending = null)
{
    private readonly IProactiveMessenger[] _messengers = messengers.ToArray();

    /// <summary>Closes every meeting due; returns how many it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = new List<OpenMeetingEntry>();
        await foreach (var entry in index.StartedBeforeAsync(now - MeetingRules.AutoCloseAfter, cancellationToken).ConfigureAwait(false))
        {
            due.Add(entry);
        }

        var closed = 0;
        foreach (var entry in due)
        {
            try
            {
                closed += await CloseAsync(entry, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The entry stays; the next pass tries again.
                LogFailed(logger, ex, entry.GroupId, entry.MeetingId);
            }
        }

        return closed;
    }

    private async Task<bool> CloseAsync(OpenMeetingEntry entry, CancellationToken cancellationToken)
    {
        // One nonce for every attempt, so our own retried write that landed is told from another host's.
        var nonce = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= ConflictRetry.MaxAttempts; attempt++)
        {
            await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await store.LoadAsync(entry.GroupId, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var meeting = state.Find<MeetingRecord>(MeetingRecord.KeyFor(entry.MeetingId));
            if (meeting is not { IsOpen: true })
            {
                // Ended by someone (or never saved): the entry is stale.
                await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (!MeetingRules.IsDueToAutoClose(meeting.StartedAt, now))
            {
                return false;
            }

            var minutes = MeetingLifecycle.Close(state, meeting, null, now);
            var closed = state.Find<MeetingRecord>(MeetingRecord.KeyFor(meeting.Id))!;
            var post = Compose(state, closed, minutes, now);
            var rows = await StageAsync(state, post, nonce, now, cancellationToken).ConfigureAwait(false);
            switch (await store.SaveAsync(state, "meeting-autoclose-" + meeting.Id, nonce, cancellationToken).ConfigureAwait(false))
            {
                case SaveOutcome.Saved:
                    await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                    LogClosed(logger, entry.GroupId, entry.MeetingId);
                    if (rows.Count > 0 && delivery is not null)
                    {
                        // Whatever is not delivered now stays in the outbox for the dispatcher.
                        await delivery.DeliverSavedAsync(rows.Select(r => new OutboxEntry(state.GroupId, r, state.VersionOf(r.Key))).ToList(), cancellationToken).ConfigureAwait(false);
                    }
                    else if (rows.Count == 0 && post is not null)
                    {
                        await PostAsync(state.GroupId, post, cancellationToken).ConfigureAwait(false);
                    }

                    return true;
                case SaveOutcome.Duplicate:
                    await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                    return false;
                default:
                    continue;
            }
        }

        LogBusy(logger, entry.GroupId, entry.MeetingId);
        return false;
    }

    private MinutesPost? Compose(GroupState state, MeetingRecord closed, MinutesRecord minutes, DateTimeOffset now)
    {
        if (Dormancy.Dormancy.IsDormant(state))
        {
            // The bot was removed: the meeting is closed and its minutes kept, but nothing is posted.
            LogDormant(logger, state.GroupId);
            return null;
        }

        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        var messenger = reference is null ? null : _messengers.FirstOrDefault(m => m.Serves(reference.Channel));
        if (reference is null || messenger is null)
        {
            LogNoRoute(logger, state.GroupId, reference?.Channel ?? "(none)");
            return null;
        }

        var listData = new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = state.GroupId };
        var reply = new Reply
        {
            Text = $"Nobody ended the meeting that started {MeetingText.When(minutes.Summary.StartedAt)}, so I've closed it. Here are the minutes.",
            Card = MinutesCards.Minutes(minutes.Summary, links.For(state.GroupId, minutes.MeetingId, now), listData, links.WordFor(state.GroupId, minutes.MeetingId, now)),
        };
        // The live card still says "Meeting in progress" with "I'm here": it is updated where it was sent.
        var anchor = MeetingCard.AnchorFor(closed.Id);
        var card = state.Find<SentMessageRecord>(SentMessageRecord.KeyFor(anchor)) is { } sent
            ? new PlannedReply(new Reply { Card = MeetingCard.Ended(state, closed, now), Anchor = anchor, ReplacesMessageId = sent.MessageId }, DeliveryAction.Update, sent.MessageId) { PostIfUpdateFails = true }
            : null;
        return new MinutesPost(reference, messenger, reply, card);
    }

    // The minutes reply goes into the save as outbox rows when the group's channel renders for the outbox.
    private async Task<IReadOnlyList<OutboxRecord>> StageAsync(GroupState state, MinutesPost? post, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (outbox is null || post?.Messenger.GroupRenderer(post.Reference) is not { } renderer)
        {
            return [];
        }

        PlannedReply[] replies = post.CardUpdate is { } update
            ? [update, new PlannedReply(post.Reply, DeliveryAction.Post)]
            : [new PlannedReply(post.Reply, DeliveryAction.Post)];
        var rows = outbox.Stage(state, nonce, renderer, replies, now, proactive: true);
        if (rows.Count > 0 && pending is not null)
        {
            await pending.MarkPendingAsync(state.GroupId, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    private async Task PostAsync(string groupId, MinutesPost post, CancellationToken cancellationToken)
    {
        var result = await post.Messenger.SendToGroupAsync(post.Reference, post.Reply, cancellationToken).ConfigureAwait(false);
        if (result != ProactiveResult.Sent)
        {
            // The minutes are stored either way: "minutes" shows them.
            LogNotPosted(logger, groupId, result);
        }
    }

    // CardUpdate: the meeting card's "Meeting ended" update, when the card was sent (outbox delivery only).
    private sealed record MinutesPost(ConversationReferenceRecord Reference, IProactiveMessenger Messenger, Reply Reply, PlannedReply? CardUpdate);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Closed meeting {MeetingId} of group {GroupId} automatically")]
    private static partial void LogClosed(ILogger logger, string groupId, string meetingId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Closing meeting {MeetingId} of group {GroupId} automatically failed; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception, string groupId, string meetingId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Group {GroupId} kept changing while closing meeting {MeetingId}; trying again at the next pass")]
    private static partial void LogBusy(ILogger logger, string groupId, string meetingId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "No way to reach group {GroupId} (channel {Channel}); the closed meeting's minutes were stored but not posted")]
    private static partial void LogNoRoute(ILogger logger, string groupId, string channel);

    [LoggerMessage(EventId = 1751, Level = LogLevel.Information, Message = "Group {GroupId} is dormant; the minutes of its automatically closed meeting were stored but not posted")]
    private static partial void LogDormant(ILogger logger, string groupId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Posting the minutes of an automatically closed meeting to group {GroupId} ended as {Result}")]
    private static partial void LogNotPosted(ILogger logger, string groupId, ProactiveResult result);
}
