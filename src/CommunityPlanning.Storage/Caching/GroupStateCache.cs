using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Caching;

/// <summary>
/// Groups' records as last loaded or saved by this instance, with their ETags and the ETag of the group's version
/// row, so a turn can skip the partition query. Bounded by <see cref="GroupCacheOptions.MaxGroups"/>,
/// <see cref="GroupCacheOptions.MaxRecords"/> (least recently used first) and <see cref="GroupCacheOptions.MaxAge"/>.
/// Never authoritative: a turn served from here saves with its version row guarded by the cached ETag, so a change
/// made anywhere else fails that save and the turn runs again from storage (see <see cref="TableGroupStore"/>).
/// </summary>
public sealed class GroupStateCache(GroupCacheOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _recency = new();
    private long _records;
    private long _hits;
    private long _misses;
    private long _evictions;

    /// <summary>True when the cache is in use.</summary>
    public bool Enabled => options.Enabled && options.MaxGroups > 0;

    /// <summary>Loads served from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Loads the cache could not serve.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Groups dropped to stay within the bounds.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Groups held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Records held now, over all groups.</summary>
    public long RecordCount
    {
        get
        {
            lock (_gate)
            {
                return _records;
            }
        }
    }

    /// <summary>The group as cached, if held and young enough.</summary>
    internal bool TryGet(string groupId, out CachedGroup group)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(groupId, out var node))
            {
                if (clock.GetUtcNow() - node.Value.StoredAt <= options.MaxAge)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    group = node.Value.Group;
                    _hits++;
                    return true;
                }

                RemoveLocked(node);
            }

            _misses++;
            group = null!;
            return false;
        }
    }

    /// <summary>Keeps the group as storage now holds it.</summary>
    internal void Put(string groupId, CachedGroup group)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_slots.TryGetValue(groupId, out var old))
            {
                RemoveLocked(old);
            }

            var node = _recency.AddFirst(new Slot(groupId, group, clock.GetUtcNow()));
            _slots[groupId] = node;
            _records += group.Count;
            while (_slots.Count > options.MaxGroups || (_records > options.MaxRecords && _slots.Count > 1))
            {
                RemoveLocked(_recency.Last!);
                _evictions++;
            }
        }
    }

    /// <summary>Drops the group: the next load reads storage.</summary>
    public void Evict(string groupId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(groupId, out var node))
            {
                RemoveLocked(node);
            }
        }
    }

    /// <summary>
    /// A row this instance wrote outside a save (an outbox row claimed, released or deleted): the cached group follows
    /// when it holds the row at <paramref name="oldETag"/>; otherwise the group is dropped.
    /// </summary>
    internal void RowChanged(string groupId, string key, string oldETag, IGroupRecord? record, string? newETag)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(groupId, out var node))
            {
                return;
            }

            var group = node.Value.Group;
            if (!group.Snapshot.Versions.TryGetValue(key, out var held) || !string.Equals(held, oldETag, StringComparison.Ordinal))
            {
                RemoveLocked(node);
                return;
            }

            var snapshot = group.Snapshot.With(key, record, newETag);
            _records += snapshot.Count - group.Count;
            node.Value = node.Value with { Group = group with { Snapshot = snapshot } };
        }
    }

    private void RemoveLocked(LinkedListNode<Slot> node)
    {
        _slots.Remove(node.Value.GroupId);
        _recency.Remove(node);
        _records -= node.Value.Group.Count;
    }

    private sealed record Slot(string GroupId, CachedGroup Group, DateTimeOffset StoredAt);
}
