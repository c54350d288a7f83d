namespace CommunityPlanning.Domain.State;

/// <summary>
/// One stored fact about a steering group: the plan, a step, a checklist tick, a member, an action…
/// Records are immutable; a change is a new record put into <see cref="GroupState"/>.
/// </summary>
public interface IGroupRecord
{
    /// <summary>
    /// The record's key within its group, starting with its kind (e.g. <c>check|04|launch-event</c>).
    /// Raw ids may appear here; storage makes keys safe.
    /// </summary>
    string Key { get; }
}
