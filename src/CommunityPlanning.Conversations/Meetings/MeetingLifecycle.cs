using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// Starting and ending a meeting as changes to a group's state. Used by people's turns and by the automatic
/// close alike, so the minutes are put together the same way however a meeting ends.
/// </summary>
public static class MeetingLifecycle
{
    /// <summary>Most actions linked to a meeting in the closing save (keeps it within one transaction).</summary>
    public const int MaxActionsLinked = 50;

    /// <summary>Opens a meeting now. The group's chair chairs it; without one, whoever started it.</summary>
    public static MeetingRecord Start(GroupState state, MemberRef by, DateTimeOffset now, bool markPresent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(by);
        var chair = state.OfType<MemberRecord>().FirstOrDefault(m => m is { Active: true, Role: MemberRole.Chair })?.Member ?? by;
        var id = MeetingIds.NewMeetingId(now, by.Id);
        while (state.Find<MeetingRecord>(MeetingRecord.KeyFor(id)) is not null)
        {
            now = now.AddMinutes(1);
            id = MeetingIds.NewMeetingId(now, by.Id);
        }

        var meeting = new MeetingRecord(id, by, now, chair);
        state.Put(meeting);
        state.Put(new CurrentMeeting(id));
        if (markPresent)
        {
            state.Put(new AttendanceRecord(id, by, AttendanceKind.Present, by, now));
        }

        return meeting;
    }

    /// <summary>
    /// Closes the meeting and stores its minutes: by a person, or automatically when <paramref name="by"/> is
    /// null. Actions made during the meeting are linked to it and waiting agenda items are marked covered.
    /// </summary>
    public static MinutesRecord Close(GroupState state, MeetingRecord meeting, MemberRef? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meeting);
        var summary = MinutesComposer.Compose(state, meeting, now, by?.Name);
        var minutes = new MinutesRecord(meeting.Id, summary, MinutesMarkdown.Render(summary));
        state.Put(minutes);
        state.Put(meeting.Close(by, now));
        if (state.Find<CurrentMeeting>(CurrentMeeting.Kind) is { } current && string.Equals(current.MeetingId, meeting.Id, StringComparison.Ordinal))
        {
            state.Remove(CurrentMeeting.Kind);
        }

        // The actions feature makes actions without knowing about meetings; the link is made here, in the same save as the minutes.
        foreach (var action in MinutesComposer.ActionsOf(state, meeting, now).Where(a => a.MeetingId is null).Take(MaxActionsLinked).ToList())
        {
            state.Put(action with { MeetingId = meeting.Id, Revision = action.Revision + 1 });
        }

        foreach (var item in state.PendingAgenda().Where(a => a.At <= now).Take(MeetingRules.MaxPendingAgenda).ToList())
        {
            state.Put(item with { CoveredIn = meeting.Id });
        }

        return minutes;
    }
}
