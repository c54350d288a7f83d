using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>
/// Points at the group's open meeting. One row for the whole group: two people typing "meeting start" at the
/// same moment both try to create it, one save fails on it and that turn runs again and finds the meeting open.
/// Only starting and ending a meeting write it, so ticks and arrivals never contend for it.
/// </summary>
/// <param name="MeetingId">The open meeting's id.</param>
[GroupRecord(Kind)]
public sealed record CurrentMeeting(string MeetingId) : IGroupRecord
{
    /// <summary>The key kind (and the whole key) of the pointer.</summary>
    public const string Kind = "meetingnow";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;
}
