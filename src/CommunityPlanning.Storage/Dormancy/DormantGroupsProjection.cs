using System.Text.Json;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Dormancy;

/// <summary>Dormant groups: a row in <c>dormantgroups</c> when a group becomes dormant, none once it wakes.</summary>
public sealed class DormantGroupsProjection(DormantGroupsTable table) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "dormant";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Changed.OfType<DormantRecord>().FirstOrDefault() is { } dormant)
        {
            return JsonSerializer.Serialize(new Change(true, dormant.Since), RecordMapper.Json);
        }

        return state.Removed.Contains(DormantRecord.Kind) && state.Loaded<DormantRecord>(DormantRecord.Kind) is { } ended
            ? JsonSerializer.Serialize(new Change(false, ended.Since), RecordMapper.Json)
            : null;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, RecordMapper.Json) ?? throw new JsonException("An empty dormancy change.");
        if (change.Dormant)
        {
            await table.AddAsync(groupId, change.Since, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await table.RemoveAsync(groupId, change.Since, cancellationToken).ConfigureAwait(false);
        }
    }

    internal sealed record Change(bool Dormant, DateTimeOffset Since);
}
