using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Outbox;

/// <summary>
/// Outbox rows this instance has finished but not yet deleted. Deleting them costs a transaction of its own, so
/// they are deleted with the group's next save instead (<see cref="TableGroupStore"/> removes them from every state
/// it loads), or by <see cref="TableOutboxStore.FlushDoneAsync"/> (every outbox pass, and when the host stops) when no
/// save comes first. Until then the rows stay claimed by this instance, so no one else sends them again; only an
/// instance that dies in between leaves them to be sent a second time once the claim ends, as a crash between
/// sending and deleting always could.
/// </summary>
public sealed class DoneOutboxRows(TimeProvider clock)
{
    /// <summary>Most rows held; past it the oldest group's rows are flushed first (see <see cref="TableOutboxStore.FlushDoneAsync"/>).</summary>
    public const int MaxRows = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Done>> _byGroup = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Rows held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Notes finished rows (each with the version it was finished at).</summary>
    public void Add(IEnumerable<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var entry in entries.Where(e => e.Version is not null))
            {
                if (!_byGroup.TryGetValue(entry.GroupId, out var rows))
                {
                    _byGroup[entry.GroupId] = rows = new Dictionary<string, Done>(StringComparer.Ordinal);
                }

                if (rows.TryAdd(entry.Record.Key, new Done(entry, now)))
                {
                    _count++;
                }
            }
        }
    }

    /// <summary>
    /// Removes the group's finished rows from a loaded state, so its save deletes them. A row the state holds at
    /// another version is no longer ours and is forgotten.
    /// </summary>
    public void RemoveFrom(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (!_byGroup.TryGetValue(state.GroupId, out var rows))
            {
                return;
            }

            foreach (var (key, done) in rows.ToList())
            {
                var version = state.VersionOf(key);
                if (version is null || !string.Equals(version, done.Entry.Version, StringComparison.Ordinal))
                {
                    ForgetLocked(state.GroupId, rows, key);
                    continue;
                }

                state.Remove(key);
            }
        }
    }

    /// <summary>True when the group's row with this key is finished here and waits to be deleted.</summary>
    public bool Holds(string groupId, string key)
    {
        lock (_gate)
        {
            return _byGroup.TryGetValue(groupId, out var rows) && rows.ContainsKey(key);
        }
    }

    /// <summary>Forgets rows a save deleted.</summary>
    public void Deleted(string groupId, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            if (!_byGroup.TryGetValue(groupId, out var rows))
            {
                return;
            }

            foreach (var key in keys)
            {
                ForgetLocked(groupId, rows, key);
            }
        }
    }

    /// <summary>The rows to delete now: those finished at least <paramref name="minAge"/> ago, by group.</summary>
    public IReadOnlyList<IReadOnlyList<OutboxEntry>> Due(TimeSpan minAge)
    {
        var before = clock.GetUtcNow() - minAge;
        lock (_gate)
        {
            var overflow = _count > MaxRows;
            return _byGroup.Values
                .Select(rows => (IReadOnlyList<OutboxEntry>)rows.Values.Where(d => overflow || d.At <= before).Select(d => d.Entry).ToList())
                .Where(rows => rows.Count > 0)
                .ToList();
        }
    }

    private void ForgetLocked(string groupId, Dictionary<string, Done> rows, string key)
    {
        if (rows.Remove(key))
        {
            _count--;
        }

        if (rows.Count == 0)
        {
            _byGroup.Remove(groupId);
        }
    }

    private sealed record Done(OutboxEntry Entry, DateTimeOffset At);
}
