using System.Text.Json.Nodes;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// The one registry of data holders (<see cref="IDataHolder"/>), in registration order: export, erase and delete
/// each ask every holder in turn. Registered in <c>AddDataRights</c>; a new table plugs in by adding one holder there.
/// </summary>
public sealed class DataHolders(IEnumerable<IDataHolder> holders)
{
    private readonly IDataHolder[] _holders = holders.ToArray();

    /// <summary>Every holder, in order.</summary>
    public IReadOnlyList<IDataHolder> All => _holders;

    /// <summary>Every table some holder answers for (names before the prefix).</summary>
    public IReadOnlySet<string> Tables => _holders.SelectMany(h => h.Tables).ToHashSet(StringComparer.Ordinal);

    /// <summary>Everything held about the person, one section per holder.</summary>
    public async Task<JsonObject> ExportPersonAsync(PersonScope scope, CancellationToken cancellationToken = default)
    {
        var sections = new JsonObject();
        foreach (var holder in _holders)
        {
            await holder.ExportPersonAsync(scope, sections, cancellationToken).ConfigureAwait(false);
        }

        return sections;
    }

    /// <summary>Erases the person in every holder, in order.</summary>
    public async Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default)
    {
        foreach (var holder in _holders)
        {
            await holder.ErasePersonAsync(erasure, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the group's rows in every holder, in order.</summary>
    public async Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        foreach (var holder in _holders)
        {
            await holder.DeleteGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        }
    }
}
