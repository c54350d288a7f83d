using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>"My actions": the changed actions' rows in <c>actionsbyowner</c>, under the new owner and not the old.</summary>
public sealed class AssigneeIndexProjection(AssigneeIndex index) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "assignees";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changes = ActionChanges.Of(state);
        if (changes.Count == 0)
        {
            return null;
        }

        var change = new Change(state.Find<PlanRecord>(PlanRecord.Kind)?.CommunityName, changes);
        return JsonSerializer.Serialize(change, RecordMapper.Json);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, RecordMapper.Json) ?? throw new JsonException("An empty assignee change.");
        foreach (var action in change.Actions)
        {
            await index.SyncAsync(groupId, change.GroupName, action.Before, action.After, cancellationToken).ConfigureAwait(false);
        }
    }

    internal sealed record Change(string? GroupName, IReadOnlyList<ActionChange> Actions);
}
