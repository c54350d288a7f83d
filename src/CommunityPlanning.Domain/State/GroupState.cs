using System.Collections.Immutable;

namespace CommunityPlanning.Domain.State;

/// <summary>
/// Everything stored for one steering group, loaded in one read and changed in memory during a turn.
/// It remembers which records changed so the store can write them in one atomic transaction, each
/// guarded by the version (ETag) it was read with. Its maps are builders over frozen trees: a state made from a
/// <see cref="GroupSnapshot"/> shares the snapshot's nodes and copies only the paths it changes.
/// </summary>
public sealed class GroupState
{
    private readonly ImmutableSortedDictionary<string, IGroupRecord>.Builder _records;
    private readonly ImmutableDictionary<string, string>.Builder _versions;
    private readonly ImmutableSortedDictionary<string, IGroupRecord>.Builder _loaded;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>Creates an empty state for a group that has nothing stored yet.</summary>
    public GroupState(string groupId)
        : this(groupId, GroupSnapshot.Empty)
    {
    }

    /// <summary>Creates the state of a group as <paramref name="snapshot"/> holds it, without copying it.</summary>
    public GroupState(string groupId, GroupSnapshot snapshot)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentNullException.ThrowIfNull(snapshot);
        GroupId = groupId;
        _records = snapshot.Records.ToBuilder();
        _loaded = snapshot.Records.ToBuilder();
        _versions = snapshot.Versions.ToBuilder();
    }

    /// <summary>The group's stable, key-safe id.</summary>
    public string GroupId { get; }

    /// <summary>True when the turn changed or removed anything.</summary>
    public bool HasChanges => _changed.Count > 0 || _removed.Count > 0;

    /// <summary>Records put during this turn, in key order.</summary>
    public IReadOnlyList<IGroupRecord> Changed =>
        _changed.Order(StringComparer.Ordinal).Select(k => _records[k]).ToList();

    /// <summary>Keys removed during this turn that existed when loaded.</summary>
    public IReadOnlyList<string> Removed => _removed.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every record, in key order.</summary>
    public IEnumerable<IGroupRecord> All => _records.Values;

    /// <summary>The records as stored, frozen: the state after its last load or save (never with unsaved changes).</summary>
    public GroupSnapshot Snapshot()
    {
        if (HasChanges)
        {
            throw new InvalidOperationException("A state with unsaved changes has no snapshot.");
        }

        return new GroupSnapshot(_records.ToImmutable(), _versions.ToImmutable());
    }

    /// <summary>Adds a record as it was read from storage, with its version. Used by stores only.</summary>
    public void Load(IGroupRecord record, string? version)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Keys are computed by most record types: once per record, not once per dictionary.
        var key = record.Key;
        _records[key] = record;
        _loaded[key] = record;
        if (version is not null)
        {
            _versions[key] = version;
        }
    }

    /// <summary>
    /// The record with this key as it was loaded (before this turn changed or removed it), if it exists and has
    /// this type. After a save it is the record as saved. After-save steps use it to see what a turn changed.
    /// </summary>
    public T? Loaded<T>(string key)
        where T : class, IGroupRecord =>
        _loaded.TryGetValue(key, out var record) ? record as T : null;

    /// <summary>The record with this key, if it exists and has this type.</summary>
    public T? Find<T>(string key)
        where T : class, IGroupRecord =>
        _records.TryGetValue(key, out var record) ? record as T : null;

    /// <summary>All records of a type, in key order.</summary>
    public IEnumerable<T> OfType<T>()
        where T : IGroupRecord => _records.Values.OfType<T>();

    /// <summary>All records of a type whose key starts with a prefix, in key order.</summary>
    public IEnumerable<T> WithPrefix<T>(string keyPrefix)
        where T : IGroupRecord =>
        _records.Where(p => p.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).Select(p => p.Value).OfType<T>();

    /// <summary>Adds or replaces a record; it will be written when the turn is saved.</summary>
    public void Put(IGroupRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.Key] = record;
        _removed.Remove(record.Key);
        _changed.Add(record.Key);
    }

    /// <summary>Removes a record; it will be deleted when the turn is saved.</summary>
    public void Remove(string key)
    {
        if (!_records.Remove(key))
        {
            return;
        }

        _changed.Remove(key);
        if (_versions.ContainsKey(key))
        {
            _removed.Add(key);
        }
    }

    /// <summary>The version (ETag) a record was read with; null for a record new in this turn.</summary>
    public string? VersionOf(string key) => _versions.GetValueOrDefault(key);

    /// <summary>Marks the turn's changes as written, with the versions storage returned.</summary>
    public void AcceptChanges(IReadOnlyDictionary<string, string> newVersions)
    {
        ArgumentNullException.ThrowIfNull(newVersions);
        foreach (var key in _removed)
        {
            _versions.Remove(key);
            _loaded.Remove(key);
        }

        foreach (var key in _changed)
        {
            _loaded[key] = _records[key];
        }

        foreach (var (key, version) in newVersions)
        {
            _versions[key] = version;
        }

        _changed.Clear();
        _removed.Clear();
    }
}
