namespace CommunityPlanning.Domain.Plans;

/// <summary>How a step shows in the progress picture: done, the one the group is on, or still to do.</summary>
public enum StepMark
{
    /// <summary>Still to do (not started, or worked on but not the current step).</summary>
    ToDo,

    /// <summary>The step the group is on now, not yet complete.</summary>
    Current,

    /// <summary>Marked complete by an officer.</summary>
    Done,
}
