using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>Puts a meeting's minutes together from the group's state: pure, so it is the same for a person ending the meeting and for the automatic close.</summary>
public static class MinutesComposer
{
    /// <summary>
    /// The minutes of <paramref name="meeting"/> as if it ended at <paramref name="endedAt"/>: attendance,
    /// the checklist items ticked while it ran, decisions, actions made while it ran (or linked to it), notes,
    /// agenda items still waiting, and the next meeting.
    /// </summary>
    public static MinutesSummary Compose(GroupState state, MeetingRecord meeting, DateTimeOffset endedAt, string? closedBy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meeting);
        var plan = state.Find<PlanRecord>(PlanRecord.Kind);
        var attendance = state.Attendance(meeting.Id);
        return new MinutesSummary(
            meeting.Id,
            plan?.CommunityName,
            meeting.StartedAt,
            endedAt,
            meeting.Chair.Name,
            closedBy,
            Names(attendance, AttendanceKind.Present),
            Names(attendance, AttendanceKind.Apologies),
            state.QuorumFor(meeting.Id),
            state.WithPrefix<AgendaItemRecord>(AgendaItemRecord.Prefix)
                .Where(a => string.Equals(a.CoveredIn, meeting.Id, StringComparison.Ordinal) || (a.CoveredIn is null && a.At <= endedAt))
                .Select(a => a.Text)
                .ToList(),
            Ticked(state, plan, meeting.StartedAt, endedAt),
            state.Decisions(meeting.Id).Select(d => new MinutesEntry(d.Text, d.By.Name, d.At)).ToList(),
            ActionsOf(state, meeting, endedAt).Select(a => new MinutesAction(a.Id, a.Title, a.Owner?.Name, a.Due)).ToList(),
            state.MeetingNotes(meeting.Id).Select(n => new MinutesEntry(n.Text, n.By.Name, n.At)).ToList(),
            state.NextMeetingAfter(endedAt));
    }

    /// <summary>Actions linked to the meeting, or made while it ran and not linked to another.</summary>
    public static IEnumerable<ActionItem> ActionsOf(GroupState state, MeetingRecord meeting, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meeting);
        return state.Actions().Where(a =>
            string.Equals(a.MeetingId, meeting.Id, StringComparison.Ordinal)
            || (a.MeetingId is null && a.CreatedAt >= meeting.StartedAt && a.CreatedAt <= until));
    }

    private static List<string> Names(IEnumerable<AttendanceRecord> attendance, AttendanceKind kind) =>
        attendance.Where(a => a.Attendance == kind).Select(a => a.Member.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList();

    private static List<MinutesTick> Ticked(GroupState state, PlanRecord? plan, DateTimeOffset from, DateTimeOffset until)
    {
        var statutory = plan?.PlanType.HasStatutoryMilestones() ?? true;
        return state.OfType<ChecklistTick>()
            .Where(t => t.Done && t.At >= from && t.At <= until && StepCatalogue.IsValid(t.Step))
            .OrderBy(t => t.Step).ThenBy(t => t.At)
            .Select(t => new MinutesTick(
                t.Step,
                StepCatalogue.Get(t.Step).ChecklistFor(statutory).FirstOrDefault(i => string.Equals(i.Id, t.ItemId, StringComparison.Ordinal))?.Text ?? t.ItemId,
                t.By.Name))
            .ToList();
    }
}
