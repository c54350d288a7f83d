using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// Reminders and the weekly digest: the changed actions' rows in <c>reminders</c>, and the group's next digest
/// when it has the digest on and open actions or a survey still to close.
/// </summary>
public sealed class ReminderIndexProjection(ReminderIndex index) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "reminders";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changes = ActionChanges.Of(state);
        // A group woken from dormancy gets its digest back (the dispatcher stopped scheduling it while dormant).
        // A survey's closing date (step 4) also wants the digest: it reminds the group in the fortnight before.
        var planChanged = state.Changed.Any(r => r is PlanRecord || r is FormRow { Step: 4, FormId: "surveys" })
            || state.Removed.Contains(Conversations.Dormancy.DormantRecord.Kind);
        if (changes.Count == 0 && !planChanged)
        {
            return null;
        }

        DateTimeOffset? digest = state.WantsDigest(ReminderSchedule.LondonDate(now)) ? ReminderSchedule.NextDigest(now) : null;
        if (changes.Count == 0 && digest is null)
        {
            return null;
        }

        return JsonSerializer.Serialize(new Change(now, changes, digest), RecordMapper.Json);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, RecordMapper.Json) ?? throw new JsonException("An empty reminder change.");
        foreach (var action in change.Actions)
        {
            await index.SyncAsync(groupId, action.Before, action.After, change.At, cancellationToken).ConfigureAwait(false);
        }

        if (change.NextDigest is { } digest)
        {
            await index.ScheduleDigestAsync(groupId, digest, cancellationToken).ConfigureAwait(false);
        }
    }

    internal sealed record Change(DateTimeOffset At, IReadOnlyList<ActionChange> Actions, DateTimeOffset? NextDigest);
}
