using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// Wraps the group store and keeps the cross-group indexes up to date after each successful save: the
/// assignee rows and reminder rows of every action the turn changed, and the group's next weekly digest.
/// Index rows are derived data: they are written after the save (never instead of it), guarded by the
/// action's revision so late writes cannot undo newer ones; a failure is logged and the whole group is
/// re-indexed on its next save.
/// </summary>
public sealed partial class IndexingGroupStore(
    IGroupStore inner,
    AssigneeIndex assignees,
    ReminderIndex reminders,
    TimeProvider clock,
    ILogger<IndexingGroupStore> logger) : IGroupStore
{
    // The actions each loaded state started with, to find the rows of a previous owner or due date.
    private readonly ConditionalWeakTable<GroupState, Dictionary<string, ActionItem>> _loaded = [];
    private readonly ConcurrentDictionary<string, byte> _needsRepair = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = await inner.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
        _loaded.AddOrUpdate(state, Snapshot(state));
        return state;
    }

    /// <inheritdoc />
    public async Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changed = state.Changed.OfType<ActionItem>().ToList();
        var removed = state.Removed.Where(k => k.StartsWith(ActionItem.Prefix, StringComparison.Ordinal)).ToList();
        var planChanged = state.Changed.Any(r => r is PlanRecord);
        var outcome = await inner.SaveAsync(state, turnId, cancellationToken).ConfigureAwait(false);
        if (outcome != SaveOutcome.Saved)
        {
            return outcome;
        }

        var repair = _needsRepair.TryRemove(state.GroupId, out _);
        if (changed.Count == 0 && removed.Count == 0 && !planChanged && !repair)
        {
            return outcome;
        }

        var before = _loaded.TryGetValue(state, out var snapshot) ? snapshot : [];
        try
        {
            await IndexAsync(state, repair ? state.Actions().ToList() : changed, removed, before, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException or HttpRequestException)
        {
            _needsRepair[state.GroupId] = 0;
            LogIndexFailed(logger, ex, state.GroupId);
        }

        _loaded.AddOrUpdate(state, Snapshot(state));
        return outcome;
    }

    private async Task IndexAsync(
        GroupState state, IReadOnlyList<ActionItem> actions, IReadOnlyList<string> removed, Dictionary<string, ActionItem> before, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var plan = state.Find<PlanRecord>(PlanRecord.Kind);
        foreach (var action in actions)
        {
            var previous = before.GetValueOrDefault(action.Key);
            await assignees.SyncAsync(state.GroupId, plan?.CommunityName, previous, action, cancellationToken).ConfigureAwait(false);
            await reminders.SyncAsync(state.GroupId, previous, action, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in removed)
        {
            if (before.GetValueOrDefault(key) is { } gone)
            {
                await assignees.SyncAsync(state.GroupId, plan?.CommunityName, gone, null, cancellationToken).ConfigureAwait(false);
                await reminders.SyncAsync(state.GroupId, gone, null, now, cancellationToken).ConfigureAwait(false);
            }
        }

        if (plan is { DigestEnabled: true } && state.Actions().Any(a => a.IsOpen))
        {
            await reminders.ScheduleDigestAsync(state.GroupId, ReminderSchedule.NextDigest(now), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, ActionItem> Snapshot(GroupState state) =>
        state.Actions().ToDictionary(a => a.Key, StringComparer.Ordinal);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Updating the action indexes for group {GroupId} failed; they will be rebuilt on its next save")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string groupId);
}
