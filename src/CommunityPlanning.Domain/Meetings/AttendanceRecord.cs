using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Whether a member came to a meeting or sent apologies.</summary>
public enum AttendanceKind
{
    /// <summary>Here (in the room or on the call).</summary>
    Present,

    /// <summary>Sent apologies.</summary>
    Apologies,
}

/// <summary>
/// One member's attendance at one meeting: a row per member, so members arriving together never touch the
/// same row. Arriving after apologies were recorded replaces them.
/// </summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Member">The member.</param>
/// <param name="Attendance">Here or apologies.</param>
/// <param name="RecordedBy">Who recorded it (the member, or the chair for apologies).</param>
/// <param name="At">When.</param>
[GroupRecord(Kind)]
public sealed record AttendanceRecord(string MeetingId, MemberRef Member, AttendanceKind Attendance, MemberRef RecordedBy, DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of attendance records.</summary>
    public const string Kind = "attend";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(MeetingId, Member.Id);

    /// <summary>The key of a member's attendance at a meeting.</summary>
    public static string KeyFor(string meetingId, string userId) => RecordKeys.Of(Kind, meetingId, userId);

    /// <summary>The key prefix of a meeting's attendance.</summary>
    public static string PrefixFor(string meetingId) => RecordKeys.Of(Kind, meetingId) + RecordKeys.Separator;
}
