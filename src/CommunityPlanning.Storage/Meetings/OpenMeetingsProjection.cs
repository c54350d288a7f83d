using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Meetings;

/// <summary>Open meetings: an entry in <c>meetings</c> when a meeting opens, none once it closes.</summary>
public sealed class OpenMeetingsProjection(OpenMeetingsTable table) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "meetings";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var meetings = state.Changed.OfType<MeetingRecord>().ToList();
        return meetings.Count == 0 ? null : JsonSerializer.Serialize(meetings, RecordMapper.Json);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var meetings = JsonSerializer.Deserialize<List<MeetingRecord>>(payload, RecordMapper.Json) ?? [];
        foreach (var meeting in meetings)
        {
            if (meeting.IsOpen)
            {
                await table.AddAsync(groupId, meeting, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.DeleteAsync(groupId, meeting.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
