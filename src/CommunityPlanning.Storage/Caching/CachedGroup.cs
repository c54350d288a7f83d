using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Caching;

/// <summary>
/// A group's records as storage held them when the group's version row had the ETag <paramref name="Version"/>
/// (null: the partition had no version row), with the turns that row marks (<see cref="TurnMarks"/>). The snapshot
/// is frozen and shared: a turn's state starts from it without copying, and a save's result is the saved state's own
/// snapshot.
/// </summary>
internal sealed record CachedGroup(string? Version, GroupSnapshot Snapshot, TurnMarks Marks)
{
    /// <summary>How many records the group holds.</summary>
    public int Count => Snapshot.Count;

    /// <summary>A fresh state for a turn, every record with its ETag (no copy is made).</summary>
    public GroupState ToState(string groupId) => new(groupId, Snapshot);

    /// <summary>The group as a state just loaded or saved holds it.</summary>
    public static CachedGroup Of(GroupState state, string? version, TurnMarks? marks = null) => new(version, state.Snapshot(), marks ?? TurnMarks.Empty);
}
