namespace CommunityPlanning.Domain.Plans;

/// <summary>Where a step stands.</summary>
public enum StepStatus
{
    /// <summary>Nothing done yet.</summary>
    NotStarted,

    /// <summary>Some work recorded.</summary>
    InProgress,

    /// <summary>Marked complete by an officer.</summary>
    Complete,
}
