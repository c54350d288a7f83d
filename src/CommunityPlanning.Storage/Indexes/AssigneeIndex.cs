using System.Globalization;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// Open actions by owner across every group, for "my actions": PartitionKey = the owner's key (see
/// <see cref="AssigneeKeys"/>), RowKey = group|action number, with title, due date, status and the group's
/// name copied in. Closed actions are removed.
/// </summary>
public sealed class AssigneeIndex(IndexTables tables) : IAssigneeIndex
{
    private const string GroupIdProperty = "GroupId";
    private const string GroupNameProperty = "GroupName";
    private const string ActionIdProperty = "ActionId";
    private const string TitleProperty = "Title";
    private const string DueProperty = "Due";
    private const string StatusProperty = "Status";

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssignedAction>> ForOwnerAsync(string ownerKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerKey);
        var rows = new List<AssignedAction>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyCodec.Encode(ownerKey)}");
        await foreach (var entity in tables.Assignees.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString(GroupIdProperty) is not { } groupId || entity.GetInt32(ActionIdProperty) is not { } actionId)
            {
                continue;
            }

            var status = Enum.TryParse<ActionStatus>(entity.GetString(StatusProperty), out var parsed) ? parsed : ActionStatus.NotStarted;
            DateOnly? due = DateOnly.TryParseExact(entity.GetString(DueProperty), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            rows.Add(new AssignedAction(groupId, entity.GetString(GroupNameProperty), actionId, entity.GetString(TitleProperty) ?? string.Empty, due, status));
        }

        return rows;
    }

    /// <summary>Brings the index in line with one action: the row under its owner, and none under a previous owner.</summary>
    /// <param name="groupId">The group.</param>
    /// <param name="groupName">The group's community name.</param>
    /// <param name="before">The action as loaded, when known.</param>
    /// <param name="after">The action as saved; null when it was removed.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    internal async Task SyncAsync(string groupId, string? groupName, ActionItem? before, ActionItem? after, CancellationToken cancellationToken)
    {
        var rowKey = RowKey(groupId, (after ?? before)!.Id);
        var wanted = after is { IsOpen: true, OwnerKey: { } key } ? KeyCodec.Encode(key) : null;
        if (before?.OwnerKey is { } oldKey && !string.Equals(KeyCodec.Encode(oldKey), wanted, StringComparison.Ordinal))
        {
            await RevisionGuard.DeleteAsync(tables.Assignees, KeyCodec.Encode(oldKey), rowKey, after?.Revision, cancellationToken).ConfigureAwait(false);
        }

        if (after is null)
        {
            return;
        }

        if (wanted is null)
        {
            // Closed or unassigned: no row anywhere. The current owner's row may exist when the snapshot was unknown.
            if (after.OwnerKey is { } currentKey)
            {
                await RevisionGuard.DeleteAsync(tables.Assignees, KeyCodec.Encode(currentKey), rowKey, after.Revision, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var entity = new TableEntity(wanted, rowKey)
        {
            [GroupIdProperty] = groupId,
            [GroupNameProperty] = groupName,
            [ActionIdProperty] = after.Id,
            [TitleProperty] = after.Title,
            [DueProperty] = after.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StatusProperty] = after.Status.ToString(),
        };
        await RevisionGuard.UpsertAsync(tables.Assignees, entity, after.Revision, null, cancellationToken).ConfigureAwait(false);
    }

    private static string RowKey(string groupId, int actionId) =>
        KeyCodec.Encode(RecordKeys.Of(groupId, actionId.ToString("00000", CultureInfo.InvariantCulture)));
}
