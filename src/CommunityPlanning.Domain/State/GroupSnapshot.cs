using System.Collections.Immutable;

namespace CommunityPlanning.Domain.State;

/// <summary>
/// A group's records with the versions (ETags) storage holds them at, frozen. A turn's <see cref="GroupState"/> starts
/// from one without copying it (its changes are made beside it), and a saved state gives one back the same way, so a
/// group held in memory costs a turn what the turn changes, not what the group holds.
/// </summary>
/// <param name="Records">Every record, by key, in key order.</param>
/// <param name="Versions">The version of each record that storage holds.</param>
public sealed record GroupSnapshot(ImmutableSortedDictionary<string, IGroupRecord> Records, ImmutableDictionary<string, string> Versions)
{
    /// <summary>A group with nothing stored.</summary>
    public static GroupSnapshot Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, IGroupRecord>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <summary>How many records the group holds.</summary>
    public int Count => Records.Count;

    /// <summary>This snapshot with one record replaced (or removed, when <paramref name="record"/> is null).</summary>
    public GroupSnapshot With(string key, IGroupRecord? record, string? version) =>
        record is null || version is null
            ? new GroupSnapshot(Records.Remove(key), Versions.Remove(key))
            : new GroupSnapshot(Records.SetItem(key, record), Versions.SetItem(key, version));
}
