namespace CommunityPlanning.Domain.Steps;

/// <summary>One thing a group ticks off for a step.</summary>
/// <param name="Id">Stable id, unique in its step; stored with ticks, so never renamed.</param>
/// <param name="Text">The item, in plain words.</param>
public sealed record ChecklistItemDefinition(string Id, string Text)
{
    /// <summary>True when the item applies only to Neighbourhood Plans (statutory milestones).</summary>
    public bool NeighbourhoodPlanOnly { get; init; }
}
