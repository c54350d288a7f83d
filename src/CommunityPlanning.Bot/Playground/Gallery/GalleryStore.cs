using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>
/// The card gallery's own group store: one made-up group in memory, used once at start-up to run the
/// gallery's script through the real features. Never the bot's store, so the gallery writes nothing.
/// </summary>
internal sealed class GalleryStore : IGroupStore
{
    private readonly Dictionary<string, IGroupRecord> _records = new(StringComparer.Ordinal);
    private long _version;

    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = new GroupState(groupId);
        foreach (var record in _records.Values)
        {
            state.Load(record, "1");
        }

        return Task.FromResult(state);
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in state.Removed)
        {
            _records.Remove(key);
        }

        foreach (var record in state.Changed)
        {
            _records[record.Key] = record;
            versions[record.Key] = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        state.AcceptChanges(versions);
        return Task.FromResult(SaveOutcome.Saved);
    }
}
