using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>Who may do what in a meeting.</summary>
internal static class MeetingAccess
{
    /// <summary>Whether this person may record apologies for the member (see <see cref="RoleRules.MayRecordApologiesFor"/>).</summary>
    public static bool MayRecordApologies(TurnContext context, MeetingRecord meeting, MemberRef member) =>
        RoleRules.MayRecordApologiesFor(context.State, context.Turn.From.Id, member.Id, meeting.Chair, meeting.StartedBy);

    /// <summary>Why this person may not end the meeting (see <see cref="RoleRules.MayEndMeeting"/>), or null when they may.</summary>
    public static string? EndRefusal(TurnContext context, MeetingRecord meeting) =>
        RoleRules.MayEndMeeting(context.State, context.Turn.From.Id, meeting.Chair)
            ? null
            : $"Only {RoleRules.OfficerWords}, or {meeting.Chair.Name} who is chairing, can end the meeting. Ask one of them, or it closes by itself after 6 hours.";

    /// <summary>Records that a member is here (replacing apologies); false when they already were.</summary>
    public static bool MarkPresent(TurnContext context, MeetingRecord meeting, MemberRef member)
    {
        var existing = context.State.Find<AttendanceRecord>(AttendanceRecord.KeyFor(meeting.Id, member.Id));
        if (existing is { Attendance: AttendanceKind.Present })
        {
            return false;
        }

        context.State.Put(new AttendanceRecord(meeting.Id, member, AttendanceKind.Present, context.Turn.From, context.Now));
        return true;
    }

    /// <summary>Records a member's apologies; false when they are already down as here or as apologies.</summary>
    public static ApologiesOutcome RecordApologies(TurnContext context, MeetingRecord meeting, MemberRef member)
    {
        var existing = context.State.Find<AttendanceRecord>(AttendanceRecord.KeyFor(meeting.Id, member.Id));
        switch (existing?.Attendance)
        {
            case AttendanceKind.Apologies:
                return ApologiesOutcome.AlreadyRecorded;
            case AttendanceKind.Present when !string.Equals(context.Turn.From.Id, member.Id, StringComparison.Ordinal):
                // Someone else can't mark a person absent who said they're here; the person themselves can (they're leaving).
                return ApologiesOutcome.AlreadyHere;
            default:
                context.State.Put(new AttendanceRecord(meeting.Id, member, AttendanceKind.Apologies, context.Turn.From, context.Now));
                return ApologiesOutcome.Recorded;
        }
    }
}

/// <summary>How recording apologies went.</summary>
internal enum ApologiesOutcome
{
    Recorded,
    AlreadyRecorded,
    AlreadyHere,
}
