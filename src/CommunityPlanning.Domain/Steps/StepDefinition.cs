using CommunityPlanning.Domain.Plans;
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

    /// <summary>Extra forms for the statutory Neighbourhood Plan milestones, shown only to those plans.</summary>
    public IReadOnlyList<FormDefinition> StatutoryForms { get; init; } = [];

    /// <summary>Checks across fields of the step's forms.</summary>
    public IReadOnlyList<FormRule> Rules { get; init; } = [];

    /// <summary>Values shown with the step's forms but never typed.</summary>
    public IReadOnlyList<ComputedValue> Computed { get; init; } = [];

    /// <summary>Choice fields whose choices come from another form's rows.</summary>
    public IReadOnlyList<LinkedChoice> LinkedChoices { get; init; } = [];

    /// <summary>The checklist items that apply to a plan, with or without statutory milestones.</summary>
    public IEnumerable<ChecklistItemDefinition> ChecklistFor(bool statutory) =>
        Checklist.Where(item => statutory || !item.NeighbourhoodPlanOnly);

    /// <summary>The forms that apply to a plan, with or without statutory milestones.</summary>
    public IEnumerable<FormDefinition> FormsFor(bool statutory) => statutory ? Forms.Concat(StatutoryForms) : Forms;

    /// <summary>The checklist items the step shows and waits for in a plan of this type (<see cref="PlanTypes.StatutoryIn"/>).</summary>
    public IEnumerable<ChecklistItemDefinition> ChecklistFor(PlanType type) => ChecklistFor(type.StatutoryIn(Number));

    /// <summary>The forms the step shows and waits for in a plan of this type.</summary>
    public IEnumerable<FormDefinition> FormsFor(PlanType type) => FormsFor(type.StatutoryIn(Number));

    /// <summary>A form by id (statutory forms included), or null.</summary>
    public FormDefinition? Form(string id) =>
        Forms.Concat(StatutoryForms).FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>True when the form exists only for Neighbourhood Plans.</summary>
    public bool IsStatutory(string formId) => StatutoryForms.Any(f => string.Equals(f.Id, formId, StringComparison.Ordinal));
}
