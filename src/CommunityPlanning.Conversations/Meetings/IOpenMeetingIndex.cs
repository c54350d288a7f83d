namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// The open meetings of every group, so the automatic close can find them without reading every group.
/// Storage keeps it after each save that opens or closes a meeting; it is derived data, so the closer
/// always re-reads the group before acting on an entry.
/// </summary>
public interface IOpenMeetingIndex
{
    /// <summary>Entries for meetings that started at or before <paramref name="cutoff"/>.</summary>
    IAsyncEnumerable<OpenMeetingEntry> StartedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Removes an entry (nothing happens when it is already gone).</summary>
    Task RemoveAsync(OpenMeetingEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>One open meeting in the index.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record OpenMeetingEntry(string GroupId, string MeetingId, DateTimeOffset StartedAt);
