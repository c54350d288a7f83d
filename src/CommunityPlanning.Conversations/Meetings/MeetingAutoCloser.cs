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
/// id, so when two hosts close the same meeting only one save lands and only that one posts.
/// </summary>
public sealed partial class MeetingAutoCloser(
    IOpenMeetingIndex index,
    IGroupStore store,
    IEnumerable<IProactiveMessenger> messengers,
    IMinutesLinks links,
    TimeProvider clock,
    ILogger<MeetingAutoCloser> logger)
{
    private const int MaxAttempts = 5;
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
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
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
            switch (await store.SaveAsync(state, "meeting-autoclose-" + meeting.Id, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                case SaveOutcome.Saved:
                    await index.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                    LogClosed(logger, entry.GroupId, entry.MeetingId);
                    await PostAsync(state, minutes, now, cancellationToken).ConfigureAwait(false);
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

    private async Task PostAsync(GroupState state, MinutesRecord minutes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        var messenger = reference is null ? null : _messengers.FirstOrDefault(m => m.Serves(reference.Channel));
        if (reference is null || messenger is null)
        {
            LogNoRoute(logger, state.GroupId, reference?.Channel ?? "(none)");
            return;
        }

        var listData = new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = state.GroupId };
        var reply = new Reply
        {
            Text = $"Nobody ended the meeting that started {MeetingText.When(minutes.Summary.StartedAt)}, so I've closed it. Here are the minutes.",
            Card = MinutesCards.Minutes(minutes.Summary, links.For(state.GroupId, minutes.MeetingId, now), listData),
        };
        var result = await messenger.SendToGroupAsync(reference, reply, cancellationToken).ConfigureAwait(false);
        if (result != ProactiveResult.Sent)
        {
            // The minutes are stored either way: "minutes" shows them.
            LogNotPosted(logger, state.GroupId, result);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Closed meeting {MeetingId} of group {GroupId} automatically")]
    private static partial void LogClosed(ILogger logger, string groupId, string meetingId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Closing meeting {MeetingId} of group {GroupId} automatically failed; trying again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception, string groupId, string meetingId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Group {GroupId} kept changing while closing meeting {MeetingId}; trying again at the next pass")]
    private static partial void LogBusy(ILogger logger, string groupId, string meetingId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "No way to reach group {GroupId} (channel {Channel}); the closed meeting's minutes were stored but not posted")]
    private static partial void LogNoRoute(ILogger logger, string groupId, string channel);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Posting the minutes of an automatically closed meeting to group {GroupId} ended as {Result}")]
    private static partial void LogNotPosted(ILogger logger, string groupId, ProactiveResult result);
}
