using System.Text.Json.Nodes;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// The suppression markers: erasing a person adds theirs (last, once everything else is gone), so a roster refresh
/// does not add them back. A marker is a salted hash, not an id, and holds nothing to export.
/// </summary>
public sealed class SuppressionHolder(SuppressionTable table, TimeProvider clock) : IDataHolder
{
    /// <inheritdoc />
    public IReadOnlyList<string> Tables => [SuppressionTable.TableName];

    /// <inheritdoc />
    public Task ExportPersonAsync(PersonScope scope, JsonObject into, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        return table.SuppressAsync(erasure.Person, clock.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
