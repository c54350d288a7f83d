using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Meetings;

/// <summary>The next meeting as the group set it with "next meeting …", for "by the next meeting".</summary>
public sealed class ScheduledNextMeeting : INextMeetingSource
{
    /// <inheritdoc />
    public DateTimeOffset? NextMeeting(GroupState state, DateTimeOffset now) => state.NextMeetingAfter(now);
}
