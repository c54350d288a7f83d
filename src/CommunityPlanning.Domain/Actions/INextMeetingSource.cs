using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// Tells the actions feature when the group next meets, for "by the next meeting". The meetings feature
/// supplies the real one (register it as a singleton; the last registration wins); until then no meeting
/// is ever planned and "by the next meeting" is answered with a question.
/// </summary>
public interface INextMeetingSource
{
    /// <summary>The start of the group's next meeting after <paramref name="now"/>, read from its loaded state; null when none is planned.</summary>
    DateTimeOffset? NextMeeting(GroupState state, DateTimeOffset now);
}

/// <summary>The stand-in until the meetings feature exists: no meeting is ever planned.</summary>
public sealed class NoMeetingsPlanned : INextMeetingSource
{
    /// <inheritdoc />
    public DateTimeOffset? NextMeeting(GroupState state, DateTimeOffset now) => null;
}
