using System.Globalization;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Tests.Actions;

/// <summary>
/// A group store in memory that behaves like the real one where it matters: every write is checked
/// against the version it was read with (a stale write is a Conflict, nothing applied), a new record that
/// already exists is a Conflict, and a turn id seen before is a Duplicate.
/// </summary>
internal sealed class InMemoryGroupStore : IGroupStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, (IGroupRecord Record, string Version)>> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private long _nextVersion;

    public int Saves { get; private set; }

    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var state = new GroupState(groupId);
            if (_groups.TryGetValue(groupId, out var rows))
            {
                foreach (var (record, version) in rows.Values)
                {
                    state.Load(record, version);
                }
            }

            return Task.FromResult(state);
        }
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (turnId is not null && _seen.Contains(state.GroupId + "|" + turnId))
            {
                return Task.FromResult(SaveOutcome.Duplicate);
            }

            if (!_groups.TryGetValue(state.GroupId, out var rows))
            {
                rows = new Dictionary<string, (IGroupRecord, string)>(StringComparer.Ordinal);
                _groups[state.GroupId] = rows;
            }

            foreach (var record in state.Changed)
            {
                var read = state.VersionOf(record.Key);
                var exists = rows.TryGetValue(record.Key, out var current);
                if (read is null ? exists : !exists || current.Version != read)
                {
                    return Task.FromResult(SaveOutcome.Conflict);
                }
            }

            foreach (var key in state.Removed)
            {
                if (!rows.TryGetValue(key, out var current) || current.Version != state.VersionOf(key))
                {
                    return Task.FromResult(SaveOutcome.Conflict);
                }
            }

            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in state.Changed)
            {
                var version = (++_nextVersion).ToString(CultureInfo.InvariantCulture);
                rows[record.Key] = (record, version);
                versions[record.Key] = version;
            }

            foreach (var key in state.Removed)
            {
                rows.Remove(key);
            }

            if (turnId is not null)
            {
                _seen.Add(state.GroupId + "|" + turnId);
            }

            Saves++;
            state.AcceptChanges(versions);
            return Task.FromResult(SaveOutcome.Saved);
        }
    }

    public IReadOnlyList<T> All<T>(string groupId)
        where T : IGroupRecord
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var rows) ? rows.Values.Select(r => r.Record).OfType<T>().ToList() : [];
        }
    }
}

/// <summary>Holds every load until <paramref name="parties"/> loads have happened, so turns really overlap.</summary>
internal sealed class OverlappingLoads(IGroupStore inner, int parties) : IGroupStore
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loads;

    public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = await inner.LoadAsync(groupId, cancellationToken);
        if (Interlocked.Increment(ref _loads) == parties)
        {
            _all.TrySetResult();
        }

        await _all.Task.WaitAsync(cancellationToken);
        return state;
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, CancellationToken cancellationToken = default) =>
        inner.SaveAsync(state, turnId, cancellationToken);
}
