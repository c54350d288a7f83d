using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Surveys;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Reminders;

/// <summary>
/// Sends the reminders and digests that have fallen due. Each row is claimed first (an ETag-guarded update),
/// so two host instances never both send it; then the group is loaded and the reminder re-checked against
/// it (still open, same due date, same owner; digest still on), so nothing goes out for an action completed,
/// re-dated or reassigned since. A claim that never finished is taken over after
/// <see cref="ReminderOptions.ClaimTimeout"/>: delivery is at least once, never twice from live instances.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderQueue queue,
    IGroupStore store,
    IEnumerable<IProactiveMessenger> messengers,
    TimeProvider clock,
    ReminderOptions options,
    ILogger<ReminderDispatcher> logger,
    IRosterStore? rosters = null)
{
    private readonly IProactiveMessenger[] _messengers = messengers.ToArray();

    /// <summary>Handles every row due now; returns how many messages were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = ReminderSchedule.LondonDate(now);
        var delivered = 0;
        var due = new List<ReminderEntry>();
        await foreach (var entry in queue.DueAsync(now, today.AddDays(-options.LookbackDays), cancellationToken).ConfigureAwait(false))
        {
            due.Add(entry);
        }

        foreach (var entry in due)
        {
            if (entry.ClaimedBy is not null && entry.ClaimedAt > now - options.ClaimTimeout)
            {
                continue;
            }

            var claimed = await queue.TryClaimAsync(entry, options.InstanceId, now, cancellationToken).ConfigureAwait(false);
            if (claimed is null)
            {
                LogClaimLost(logger, entry.GroupId, entry.Kind);
                continue;
            }

            try
            {
                delivered += await HandleAsync(claimed, now, today, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The row stays claimed; once the claim times out another pass (here or elsewhere) retries it.
                LogFailed(logger, ex, entry.GroupId, entry.Kind);
            }
        }

        return delivered;
    }

    private async Task<int> HandleAsync(ReminderEntry claimed, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(claimed.GroupId, cancellationToken).ConfigureAwait(false);
        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        var messenger = reference is null ? null : _messengers.FirstOrDefault(m => m.Serves(reference.Channel));
        if (reference is null || messenger is null)
        {
            LogNoRoute(logger, claimed.GroupId, reference?.Channel ?? "(none)");
            await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        if (Dormancy.Dormancy.IsDormant(state))
        {
            // The bot was removed from the group: nothing goes to it. A digest is not scheduled again until the
            // group wakes and a save leaves open actions.
            LogDormant(logger, claimed.GroupId, claimed.Kind);
            await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        return claimed.Kind == ReminderKind.Digest
            ? await DigestAsync(claimed, state, reference, messenger, now, today, cancellationToken).ConfigureAwait(false)
            : await RemindAsync(claimed, state, reference, messenger, now, today, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RemindAsync(
        ReminderEntry claimed, GroupState state, ConversationReferenceRecord reference, IProactiveMessenger messenger, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var action = claimed.ActionId is { } id ? state.Find<ActionItem>(ActionItem.KeyFor(id)) : null;
        var stillWanted = action is { IsOpen: true, Owner: not null }
            && action.Due == claimed.DueDate
            && string.Equals(action.Owner.Id, claimed.OwnerId, StringComparison.Ordinal)
            && !(claimed.Kind == ReminderKind.DayBefore && action.Due < today);
        if (!stillWanted)
        {
            await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var owner = action!.Owner!;
        var groupName = state.Find<PlanRecord>(PlanRecord.Kind)?.CommunityName;
        var result = await messenger.SendToMemberAsync(reference, owner, ReminderMessages.ToOwner(claimed.Kind, action, groupName, today), cancellationToken).ConfigureAwait(false);
        var outcome = ReminderOutcome.Sent;
        if (result == ProactiveResult.RecipientUnreachable)
        {
            var explain = await FirstRefusalAsync(claimed.GroupId, owner.Id, now, cancellationToken).ConfigureAwait(false);
            result = await messenger.SendToGroupAsync(reference, ReminderMessages.InGroup(claimed.Kind, action, owner, today, explain), cancellationToken).ConfigureAwait(false);
            outcome = ReminderOutcome.SentToGroup;
        }

        return await AfterSendAsync(claimed, result, outcome, now, cancellationToken).ConfigureAwait(false);
    }

    // The group hears why a reminder is there (and how to get them privately) once per person, not every time.
    private async Task<bool> FirstRefusalAsync(string groupId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rosters is null)
        {
            return false;
        }

        try
        {
            return await rosters.TryMarkPrivateRefusalToldAsync(groupId, userId, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the mark we cannot tell whether the group heard it already, so the reminder goes without it.
            LogRefusalMarkFailed(logger, ex, groupId);
            return false;
        }
    }

    private async Task<int> DigestAsync(
        ReminderEntry claimed, GroupState state, ConversationReferenceRecord reference, IProactiveMessenger messenger, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (!state.WantsDigest(today))
        {
            // No next row either: the next save that leaves open actions or a survey to close (or "digest on") schedules one.
            await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        // Skipped but kept weekly: a digest found more than a day late (no instance was running) is stale, and with no
        // open actions there is nothing to say until a survey's last fortnight.
        var open = state.OpenActions(today);
        var closing = SurveyProgress.For(state, today).ClosingReminder(today);
        if (now - claimed.DueAt > TimeSpan.FromDays(1) || (open.Count == 0 && closing is null))
        {
            await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
            await queue.ScheduleDigestAsync(claimed.GroupId, ReminderSchedule.NextDigest(now), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var result = await messenger.SendToGroupAsync(reference, ReminderMessages.Digest(open, today, closing), cancellationToken).ConfigureAwait(false);
        var delivered = await AfterSendAsync(claimed, result, ReminderOutcome.Sent, now, cancellationToken).ConfigureAwait(false);
        if (result != ProactiveResult.Failed)
        {
            await queue.ScheduleDigestAsync(claimed.GroupId, ReminderSchedule.NextDigest(now), cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    private async Task<int> AfterSendAsync(ReminderEntry claimed, ProactiveResult result, ReminderOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ProactiveResult.Sent:
                await FinishAsync(claimed, outcome, now, cancellationToken).ConfigureAwait(false);
                LogSent(logger, claimed.GroupId, claimed.Kind, outcome);
                return 1;
            case ProactiveResult.RecipientUnreachable:
                await FinishAsync(claimed, ReminderOutcome.Skipped, now, cancellationToken).ConfigureAwait(false);
                LogUnreachable(logger, claimed.GroupId, claimed.Kind);
                return 0;
            default:
                if (claimed.Attempts >= options.MaxAttempts)
                {
                    await FinishAsync(claimed, ReminderOutcome.GaveUp, now, cancellationToken).ConfigureAwait(false);
                    LogGaveUp(logger, claimed.GroupId, claimed.Kind, claimed.Attempts);
                }

                // Otherwise left claimed: it is retried when the claim times out.
                return 0;
        }
    }

    private async Task FinishAsync(ReminderEntry claimed, ReminderOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await queue.CompleteAsync(claimed, outcome, now, cancellationToken).ConfigureAwait(false))
        {
            LogCompleteLost(logger, claimed.GroupId, claimed.Kind);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Reminder {Kind} for group {GroupId} finished as {Outcome}")]
    private static partial void LogSent(ILogger logger, string groupId, ReminderKind kind, ReminderOutcome outcome);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Reminder {Kind} for group {GroupId} was claimed by another instance")]
    private static partial void LogClaimLost(ILogger logger, string groupId, ReminderKind kind);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Reminder {Kind} for group {GroupId} failed; it will be retried after the claim times out")]
    private static partial void LogFailed(ILogger logger, Exception exception, string groupId, ReminderKind kind);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "No way to reach group {GroupId} (channel {Channel}); reminder skipped")]
    private static partial void LogNoRoute(ILogger logger, string groupId, string channel);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Reminder {Kind} for group {GroupId} could not reach anyone; skipped")]
    private static partial void LogUnreachable(ILogger logger, string groupId, ReminderKind kind);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "Gave up on reminder {Kind} for group {GroupId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string groupId, ReminderKind kind, int attempts);

    [LoggerMessage(EventId = 1720, Level = LogLevel.Warning, Message = "Could not note that group {GroupId} was told a member can't get private reminders")]
    private static partial void LogRefusalMarkFailed(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(EventId = 1752, Level = LogLevel.Information, Message = "Reminder {Kind} for group {GroupId} skipped: the group is dormant")]
    private static partial void LogDormant(ILogger logger, string groupId, ReminderKind kind);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Reminder {Kind} for group {GroupId} was changed by someone else before it could be marked finished")]
    private static partial void LogCompleteLost(ILogger logger, string groupId, ReminderKind kind);
}
