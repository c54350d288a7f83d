using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Domain.Steps;

/// <summary>One of ACRE's nine steps, as content: what it is for, what to do, what to record.</summary>
/// <param name="Number">1 to 9.</param>
/// <param name="Stage">The LEAD stage it belongs to.</param>
/// <param name="Title">The step's title.</param>
/// <param name="Purpose">What the step is for, in a sentence or two of plain English.</param>
/// <param name="Checklist">What the group ticks off.</param>
public sealed record StepDefinition(
    int Number,
    Stage Stage,
    string Title,
    string Purpose,
    IReadOnlyList<ChecklistItemDefinition> Checklist)
{
    /// <summary>Practical tips.</summary>
    public IReadOnlyList<string> Tips { get; init; } = [];

    /// <summary>Common pitfalls to warn about.</summary>
    public IReadOnlyList<string> Pitfalls { get; init; } = [];

    /// <summary>What the step produces.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>The forms the step asks the group to fill in.</summary>
    public IReadOnlyList<FormDefinition> Forms { get; init; } = [];

    /// <summary>The checklist items that apply to a plan, with or without statutory milestones.</summary>
    public IEnumerable<ChecklistItemDefinition> ChecklistFor(bool statutory) =>
        Checklist.Where(item => statutory || !item.NeighbourhoodPlanOnly);

    /// <summary>A form by id, or null.</summary>
    public FormDefinition? Form(string id) => Forms.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
}
