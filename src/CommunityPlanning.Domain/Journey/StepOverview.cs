using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Journey;

/// <summary>How far one form of a step has got.</summary>
/// <param name="Form">The form.</param>
/// <param name="Rows">Rows recorded (for a single form: 1 once anything is answered).</param>
/// <param name="Answered">For a single form: fields answered.</param>
/// <param name="Done">A repeating form with a row, or a single form with every required answer.</param>
public sealed record FormOverview(FormDefinition Form, int Rows, int Answered, bool Done);

/// <summary>Where a step stands: checklist, forms, and what to do next.</summary>
/// <param name="Step">The step.</param>
/// <param name="Progress">Its checklist progress and status.</param>
/// <param name="Forms">Each form that applies to this plan.</param>
/// <param name="OpenItems">Checklist items not yet ticked.</param>
/// <param name="Record">What was recorded about the step as a whole (completion), if anything.</param>
public sealed record StepOverview(
    StepDefinition Step,
    StepProgress Progress,
    IReadOnlyList<FormOverview> Forms,
    IReadOnlyList<ChecklistItemDefinition> OpenItems,
    StepRecord? Record)
{
    /// <summary>Forms with something useful in them.</summary>
    public int FormsDone => Forms.Count(f => f.Done);

    /// <summary>The next thing to do: an unticked item, then an empty form, then completing the step.</summary>
    public string NextThing =>
        OpenItems.Count > 0 ? OpenItems[0].Text
        : Forms.FirstOrDefault(f => !f.Done) is { } form ? $"Fill in \"{form.Form.Title}\""
        : Progress.Status == StepStatus.Complete ? "Nothing: this step is complete"
        : "Ask an officer (chair, vice-chair, secretary or treasurer) to mark the step complete";

    /// <summary>Works out the overview for one step of a group's plan.</summary>
    public static StepOverview For(GroupState state, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var definition = StepCatalogue.Get(step);
        var forms = definition.FormsFor(plan.PlanType)
            .Select(form =>
            {
                if (form.Repeating)
                {
                    var rows = StepForms.Rows(state, step, form.Id).Count;
                    return new FormOverview(form, rows, 0, rows > 0);
                }

                var single = StepForms.Single(state, step, form.Id);
                return new FormOverview(form, single is { Values.Count: > 0 } ? 1 : 0, StepForms.Answered(form, single), StepForms.IsFilled(form, single));
            })
            .ToList();
        return new StepOverview(
            definition,
            PlanProgress.ForStep(state, plan, step),
            forms,
            PlanProgress.OpenItems(state, plan, step),
            state.Find<StepRecord>(StepRecord.KeyFor(step)));
    }
}
