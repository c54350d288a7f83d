namespace CommunityPlanning.Domain.Plans;

/// <summary>Where one step stands, worked out from what the group has recorded.</summary>
/// <param name="Step">The step number.</param>
/// <param name="Status">Not started, in progress or complete.</param>
/// <param name="ChecklistDone">Checklist items ticked.</param>
/// <param name="ChecklistTotal">Checklist items that apply to this plan.</param>
/// <param name="IsCurrent">True for the step the group is on.</param>
public sealed record StepProgress(int Step, StepStatus Status, int ChecklistDone, int ChecklistTotal, bool IsCurrent);
