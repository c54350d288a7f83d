using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Plans;

/// <summary>
/// For a Community Led Plan that leads into a Neighbourhood Plan: the statutory stages that follow the plan as a
/// stage of their own (the screening and Regulation 14 of step 6, submission to the plan being made of step 7).
/// Their ticks and forms are stored where they always were (<c>check|06|…</c>, step 6's forms), so changing the
/// plan type moves nothing; only where they show and what they hold up changes (<see cref="PlanTypes.StatutoryIn"/>).
/// </summary>
public static class NeighbourhoodStage
{
    /// <summary>The steps whose Neighbourhood Plan items and forms make up the stage.</summary>
    public static IReadOnlyList<int> Steps { get; } = [6, 7];

    /// <summary>The stage's checklist items, step by step.</summary>
    public static IReadOnlyList<(int Step, ChecklistItemDefinition Item)> Items { get; } =
        Steps.SelectMany(s => StepCatalogue.Get(s).Checklist.Where(i => i.NeighbourhoodPlanOnly).Select(i => (s, i))).ToList();

    /// <summary>The stage's forms, step by step.</summary>
    public static IReadOnlyList<(int Step, FormDefinition Form)> Forms { get; } =
        Steps.SelectMany(s => StepCatalogue.Get(s).StatutoryForms.Select(f => (s, f))).ToList();

    /// <summary>How many of the stage's items are ticked.</summary>
    public static int Done(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Items.Count(p => state.Find<ChecklistTick>(ChecklistTick.KeyFor(p.Step, p.Item.Id)) is { Done: true });
    }
}
