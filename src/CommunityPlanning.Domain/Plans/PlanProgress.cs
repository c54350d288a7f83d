using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Plans;

/// <summary>Progress rules: how far each step and the whole plan have got.</summary>
public static class PlanProgress
{
    /// <summary>Progress for each of the nine steps, in order.</summary>
    public static IReadOnlyList<StepProgress> Steps(GroupState state, PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        return StepCatalogue.All.Select(step => ForStep(state, plan, step.Number)).ToList();
    }

    /// <summary>Progress for one step.</summary>
    public static StepProgress ForStep(GroupState state, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var definition = StepCatalogue.Get(step);
        var applicable = definition.ChecklistFor(plan.PlanType).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var done = state.WithPrefix<ChecklistTick>(ChecklistTick.PrefixFor(step)).Count(t => t.Done && applicable.Contains(t.ItemId));
        var record = state.Find<StepRecord>(StepRecord.KeyFor(step));
        var hasWork = done > 0 || state.WithPrefix<IGroupRecord>(StepWorkPrefix(step)).Any();
        var status = record is { Completed: true } ? StepStatus.Complete
            : hasWork || step == plan.CurrentStep ? StepStatus.InProgress
            : StepStatus.NotStarted;
        return new StepProgress(step, status, done, applicable.Count, step == plan.CurrentStep);
    }

    /// <summary>True when a step's record says it is complete.</summary>
    public static bool IsComplete(GroupState state, int step)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find<StepRecord>(StepRecord.KeyFor(step)) is { Completed: true };
    }

    /// <summary>The checklist items of a step not yet ticked, in catalogue order.</summary>
    public static IReadOnlyList<ChecklistItemDefinition> OpenItems(GroupState state, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        return StepCatalogue.Get(step)
            .ChecklistFor(plan.PlanType)
            .Where(item => state.Find<ChecklistTick>(ChecklistTick.KeyFor(step, item.Id)) is not { Done: true })
            .ToList();
    }

    // Form rows for a step are keyed form|NN|…; any of them counts as work on the step.
    private static string StepWorkPrefix(int step) => RecordKeys.Of("form", RecordKeys.Step(step)) + RecordKeys.Separator;
}
