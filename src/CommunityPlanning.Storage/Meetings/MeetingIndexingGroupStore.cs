using System.Collections.Concurrent;
using Azure;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Meetings;

/// <summary>
/// Wraps the group store and keeps the open-meetings index after each successful save: an entry when a
/// meeting opens, none once it closes. Written after the save, never instead of it; when the index write
/// fails the group is re-indexed on its next save (and the closer re-reads the group before acting on any entry).
/// </summary>
public sealed partial class MeetingIndexingGroupStore(IGroupStore inner, OpenMeetingsTable index, ILogger<MeetingIndexingGroupStore> logger) : IGroupStore
{
    private readonly ConcurrentDictionary<string, byte> _needsRepair = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default) => inner.LoadAsync(groupId, cancellationToken);

    /// <inheritdoc />
    public async Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var meetings = state.Changed.OfType<MeetingRecord>().ToList();
        var outcome = await inner.SaveAsync(state, turnId, cancellationToken).ConfigureAwait(false);
        var repair = outcome == SaveOutcome.Saved && _needsRepair.TryRemove(state.GroupId, out _);
        if (outcome != SaveOutcome.Saved || (meetings.Count == 0 && !repair))
        {
            return outcome;
        }

        if (repair && state.OpenMeeting() is { } open && !meetings.Contains(open))
        {
            meetings.Add(open);
        }

        try
        {
            foreach (var meeting in meetings)
            {
                if (meeting.IsOpen)
                {
                    await index.AddAsync(state.GroupId, meeting, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await index.DeleteAsync(state.GroupId, meeting.Id, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            _needsRepair[state.GroupId] = 0;
            LogIndexFailed(logger, ex, state.GroupId);
        }

        return outcome;
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Updating the open-meetings index for group {GroupId} failed; it will be repaired on the group's next save")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string groupId);
}
