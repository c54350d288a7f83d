using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// Makes every group of a workspace dormant, or wakes them, for changes that come for a whole workspace rather
/// than a conversation (Slack <c>app_uninstalled</c>, a new OAuth install). Each group is changed with the usual
/// optimistic save (run again on a concurrent change), and its <c>dormantgroups</c> index change goes through the
/// group's outbox in the same save, like a turn's. Idempotent: a group already in the wanted state is not written.
/// </summary>
public sealed partial class GroupDormancy(
    IWorkspaceGroups groups,
    IGroupStore store,
    OutboxWriter outbox,
    OutboxDelivery delivery,
    TimeProvider clock,
    ILogger<GroupDormancy> logger,
    IOutboxStore? pending = null)
{
    /// <summary>Makes (<paramref name="dormant"/>) or wakes every group of the workspace; returns how many changed.</summary>
    public async Task<int> SetWorkspaceAsync(string channel, string tenant, bool dormant, string reason, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var keys = new List<string>();
        await foreach (var key in groups.GroupsAsync(channel, tenant, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key.GroupId);
        }

        foreach (var groupId in keys)
        {
            changed += await SetAsync(groupId, dormant, reason, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        LogWorkspace(logger, channel, dormant, changed, keys.Count);
        return changed;
    }

    /// <summary>Makes one group dormant (or wakes it); false when it already was as wanted.</summary>
    public async Task<bool> SetAsync(string groupId, bool dormant, string reason, CancellationToken cancellationToken = default)
    {
        var nonce = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= ConflictRetry.MaxAttempts; attempt++)
        {
            await ConflictRetry.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var changed = dormant ? Dormancy.Sleep(state, now, reason) : Dormancy.Wake(state);
            if (!changed)
            {
                return false;
            }

            var rows = outbox.Stage(state, nonce, null, [], now);
            if (rows.Count > 0 && pending is not null)
            {
                await pending.MarkPendingAsync(groupId, cancellationToken).ConfigureAwait(false);
            }

            switch (await store.SaveAsync(state, null, nonce, cancellationToken).ConfigureAwait(false))
            {
                case SaveOutcome.Saved:
                    await delivery.DeliverSavedAsync(rows.Select(r => new OutboxEntry(groupId, r, state.VersionOf(r.Key))).ToList(), cancellationToken).ConfigureAwait(false);
                    return true;
                case SaveOutcome.Duplicate:
                    return false;
                default:
                    continue;
            }
        }

        throw new InvalidOperationException($"Group {groupId} kept changing while its dormancy was being set.");
    }

    [LoggerMessage(EventId = 1750, Level = LogLevel.Information, Message = "Set {Changed} of {Count} {Channel} groups of a workspace dormant: {Dormant}")]
    private static partial void LogWorkspace(ILogger logger, string channel, bool dormant, int changed, int count);
}
