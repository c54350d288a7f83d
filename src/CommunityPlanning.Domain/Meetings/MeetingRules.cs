using System.Globalization;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Pure rules and look-ups for meetings over a group's loaded state.</summary>
public static class MeetingRules
{
    /// <summary>A meeting nobody ends is closed this long after it started.</summary>
    public static readonly TimeSpan AutoCloseAfter = TimeSpan.FromHours(6);

    /// <summary>The longest decision we accept.</summary>
    public const int MaxDecisionLength = 500;

    /// <summary>The longest note we accept.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The longest agenda item we accept.</summary>
    public const int MaxAgendaLength = 200;

    /// <summary>Most decisions, and most notes, in one meeting (keeps the minutes within a stored row).</summary>
    public const int MaxEntriesPerMeeting = 100;

    /// <summary>Most agenda items waiting for a meeting.</summary>
    public const int MaxPendingAgenda = 30;

    /// <summary>The step 2 form and field that hold the quorum.</summary>
    public const int QuorumStep = 2;

    /// <summary>The form holding the quorum.</summary>
    public const string QuorumForm = "governance";

    /// <summary>The quorum field.</summary>
    public const string QuorumField = "quorum";

    /// <summary>The open meeting, if there is one.</summary>
    public static MeetingRecord? OpenMeeting(this GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<CurrentMeeting>(CurrentMeeting.Kind) is { } current
            && state.Find<MeetingRecord>(MeetingRecord.KeyFor(current.MeetingId)) is { IsOpen: true } meeting
                ? meeting
                : null;
    }

    /// <summary>A meeting's attendance, in key order.</summary>
    public static IReadOnlyList<AttendanceRecord> Attendance(this GroupState state, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<AttendanceRecord>(AttendanceRecord.PrefixFor(meetingId)).ToList();
    }

    /// <summary>A meeting's decisions, in the order recorded.</summary>
    public static IReadOnlyList<DecisionRecord> Decisions(this GroupState state, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<DecisionRecord>(DecisionRecord.PrefixFor(meetingId)).ToList();
    }

    /// <summary>A meeting's notes, in the order taken.</summary>
    public static IReadOnlyList<MeetingNoteRecord> MeetingNotes(this GroupState state, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<MeetingNoteRecord>(MeetingNoteRecord.PrefixFor(meetingId)).ToList();
    }

    /// <summary>Agenda items not yet covered by a meeting's minutes, in the order added.</summary>
    public static IReadOnlyList<AgendaItemRecord> PendingAgenda(this GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<AgendaItemRecord>(AgendaItemRecord.Prefix).Where(a => a.CoveredIn is null).ToList();
    }

    /// <summary>Every meeting's minutes, newest first.</summary>
    public static IReadOnlyList<MinutesRecord> MinutesNewestFirst(this GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<MinutesRecord>(MinutesRecord.Prefix).Reverse().ToList();
    }

    /// <summary>The quorum the group set in step 2's form, if any.</summary>
    public static int? Quorum(this GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StepForms.Single(state, QuorumStep, QuorumForm)?.Values.GetValueOrDefault(QuorumField) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quorum) && quorum > 0
                ? quorum
                : null;
    }

    /// <summary>The quorum and how many are here, or null when the group has not set a quorum.</summary>
    public static QuorumStatus? QuorumFor(this GroupState state, string meetingId) =>
        state.Quorum() is { } required
            ? new QuorumStatus(required, state.Attendance(meetingId).Count(a => a.Attendance == AttendanceKind.Present))
            : null;

    /// <summary>The next planned meeting after <paramref name="now"/>, if one is set.</summary>
    public static DateTimeOffset? NextMeetingAfter(this GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<MeetingSchedule>(MeetingSchedule.Kind) is { } schedule && schedule.NextMeeting > now ? schedule.NextMeeting : null;
    }

    /// <summary>True when a meeting that started at <paramref name="startedAt"/> is due to close automatically.</summary>
    public static bool IsDueToAutoClose(DateTimeOffset startedAt, DateTimeOffset now) => now - startedAt >= AutoCloseAfter;
}
