using System.Collections.Concurrent;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Bench;

/// <summary>
/// The group store in memory, with the real store's contract (versions checked on save), so a benchmark
/// measures the bot's own work and not Azurite. Redeliveries are not tracked: every turn counts.
/// </summary>
internal sealed class InMemoryGroupStore : IGroupStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, (IGroupRecord Record, long Version)>> _groups = new(StringComparer.Ordinal);

    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = new GroupState(groupId);
        if (_groups.TryGetValue(groupId, out var records))
        {
            lock (records)
            {
                foreach (var (record, version) in records.Values)
                {
                    state.Load(record, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return Task.FromResult(state);
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, CancellationToken cancellationToken = default)
    {
        if (!state.HasChanges)
        {
            return Task.FromResult(SaveOutcome.Saved);
        }

        var records = _groups.GetOrAdd(state.GroupId, _ => new(StringComparer.Ordinal));
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (records)
        {
            foreach (var record in state.Changed)
            {
                var read = state.VersionOf(record.Key);
                var exists = records.TryGetValue(record.Key, out var current);
                if (read is null ? exists : !exists || current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != read)
                {
                    return Task.FromResult(SaveOutcome.Conflict);
                }
            }

            foreach (var record in state.Changed)
            {
                var next = records.TryGetValue(record.Key, out var current) ? current.Version + 1 : 1;
                records[record.Key] = (record, next);
                versions[record.Key] = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var key in state.Removed)
            {
                records.Remove(key);
            }
        }

        state.AcceptChanges(versions);
        return Task.FromResult(SaveOutcome.Saved);
    }
}
