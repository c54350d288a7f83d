using System.Globalization;
using System.Text.Json;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage;

namespace CommunityPlanning.Testing;

/// <summary>
/// A group store in memory that behaves like the real one where it matters: every record goes through
/// JSON (so a record that can't be read back fails here too), every write is checked against the
/// versions it was read with (Conflict), and a repeated turn id is a Duplicate.
/// </summary>
public sealed class InMemoryGroupStore : IGroupStore
{
    // The same record types the real store knows (Domain and Conversations).
    private static readonly RecordTypes Types = RecordTypes.Default;

    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, (string Kind, string Json, string Version)>> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<(string Group, string Turn)> _seen = [];
    private long _version;

    /// <summary>How many loads (read round trips) have happened.</summary>
    public int Loads { get; private set; }

    /// <summary>How many saves with changes have been written.</summary>
    public int Writes { get; private set; }

    /// <summary>Runs just before a save is checked, to let a test change the store "concurrently".</summary>
    public Action? BeforeNextSave { get; set; }

    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Loads++;
            var state = new GroupState(groupId);
            if (_groups.TryGetValue(groupId, out var rows))
            {
                foreach (var (_, row) in rows)
                {
                    state.Load((IGroupRecord)JsonSerializer.Deserialize(row.Json, Types.TypeOf(row.Kind)!)!, row.Version);
                }
            }

            return Task.FromResult(state);
        }
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var hook = BeforeNextSave;
        BeforeNextSave = null;
        hook?.Invoke();
        lock (_gate)
        {
            if (turnId is not null && _seen.Contains((state.GroupId, turnId)))
            {
                return Task.FromResult(SaveOutcome.Duplicate);
            }

            if (!_groups.TryGetValue(state.GroupId, out var rows))
            {
                rows = new SortedDictionary<string, (string, string, string)>(StringComparer.Ordinal);
                _groups[state.GroupId] = rows;
            }

            foreach (var key in state.Changed.Select(r => r.Key).Concat(state.Removed))
            {
                var current = rows.TryGetValue(key, out var row) ? row.Version : null;
                if (!string.Equals(current, state.VersionOf(key), StringComparison.Ordinal))
                {
                    return Task.FromResult(SaveOutcome.Conflict);
                }
            }

            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in state.Changed)
            {
                var version = (++_version).ToString(CultureInfo.InvariantCulture);
                var kind = RecordKeys.KindOf(record.Key);
                _ = Types.TypeOf(kind) ?? throw new InvalidOperationException($"No record type has kind '{kind}'.");
                rows[record.Key] = (kind, JsonSerializer.Serialize(record, record.GetType()), version);
                versions[record.Key] = version;
            }

            foreach (var key in state.Removed)
            {
                rows.Remove(key);
            }

            if (state.HasChanges)
            {
                Writes++;
            }

            if (turnId is not null)
            {
                _seen.Add((state.GroupId, turnId));
            }

            state.AcceptChanges(versions);
            return Task.FromResult(SaveOutcome.Saved);
        }
    }

    /// <summary>Every stored key of a group, for assertions.</summary>
    public IReadOnlyList<string> Keys(string groupId)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var rows) ? rows.Keys.ToList() : [];
        }
    }

    /// <summary>Every stored record of a type in a group, as a fresh load would read it.</summary>
    public IReadOnlyList<T> All<T>(string groupId)
        where T : IGroupRecord
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var rows)
                ? rows.Values.Select(row => (IGroupRecord)JsonSerializer.Deserialize(row.Json, Types.TypeOf(row.Kind)!)!).OfType<T>().ToList()
                : [];
        }
    }
}
