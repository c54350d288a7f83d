using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>When the group meets next, as set by "next meeting Tue 14 March 7pm".</summary>
/// <param name="NextMeeting">The start of the next meeting (London time, with its offset).</param>
/// <param name="SetBy">Who set it.</param>
/// <param name="SetAt">When.</param>
[GroupRecord(Kind)]
public sealed record MeetingSchedule(DateTimeOffset NextMeeting, MemberRef SetBy, DateTimeOffset SetAt) : IGroupRecord
{
    /// <summary>The key kind (and the whole key) of the schedule.</summary>
    public const string Kind = "schedule";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;
}
