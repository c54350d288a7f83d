using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Caching;

/// <summary>One record of a cached group, with the ETag storage holds it at.</summary>
/// <param name="Record">The record (records are immutable, so it is shared, never copied).</param>
/// <param name="ETag">Its ETag in storage.</param>
internal readonly record struct CachedRecord(IGroupRecord Record, string? ETag);

/// <summary>
/// A group's records as storage held them when the group's version row had the ETag <paramref name="Version"/>
/// (null: the partition had no version row).
/// </summary>
internal sealed record CachedGroup(string? Version, Dictionary<string, CachedRecord> Records)
{
    /// <summary>A fresh state for a turn, every record loaded with its ETag.</summary>
    public GroupState ToState(string groupId)
    {
        var state = new GroupState(groupId);
        foreach (var (_, cached) in Records)
        {
            state.Load(cached.Record, cached.ETag);
        }

        return state;
    }

    /// <summary>The group as a loaded state holds it.</summary>
    public static CachedGroup Of(GroupState state, string? version)
    {
        var records = new Dictionary<string, CachedRecord>(StringComparer.Ordinal);
        foreach (var record in state.All)
        {
            var key = record.Key;
            records[key] = new CachedRecord(record, state.VersionOf(key));
        }

        return new CachedGroup(version, records);
    }

    /// <summary>This group after a save that wrote <paramref name="changed"/> and deleted <paramref name="removed"/>.</summary>
    public CachedGroup After(GroupState saved, IReadOnlyList<IGroupRecord> changed, IReadOnlyList<string> removed, string version)
    {
        var records = new Dictionary<string, CachedRecord>(Records, StringComparer.Ordinal);
        foreach (var key in removed)
        {
            records.Remove(key);
        }

        foreach (var record in changed)
        {
            var key = record.Key;
            records[key] = new CachedRecord(record, saved.VersionOf(key));
        }

        return new CachedGroup(version, records);
    }
}
