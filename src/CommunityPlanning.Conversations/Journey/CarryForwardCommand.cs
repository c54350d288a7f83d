using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// <c>carry forward</c> at step 9: the review is done, so a new cycle of the nine steps begins. The old
/// cycle is kept as a <see cref="CycleRecord"/> (who completed each step, and what was carried forward);
/// forms and actions stay as they are; step completions and ticks are cleared so step 1 opens afresh.
/// Officers only (RoleRules).
/// </summary>
public sealed partial class CarryForwardCommand : ICommand
{
    private const string OutcomesForm = "outcomes";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PlanSettingsCommand.TryOfficer(context, out var plan))
        {
            return ValueTask.CompletedTask;
        }

        if (plan.CurrentStep != StepCatalogue.Last)
        {
            context.Say($"A new cycle starts from step 9, once the plan has been reviewed. You're on step {JourneyData.Text(plan.CurrentStep)}. Type \"where are we\" to carry on.");
            return ValueTask.CompletedTask;
        }

        var carried = CarriedForward(context);
        var steps = context.State.OfType<StepRecord>().Where(s => s.Completed).OrderBy(s => s.Step).ToList();
        var ticks = context.State.OfType<ChecklistTick>().ToList();
        context.State.Put(new CycleRecord(plan.Cycle, plan.CycleStartedAt ?? plan.CreatedAt, context.Now, context.Turn.From)
        {
            PlanType = plan.PlanType,
            Steps = steps,
            Ticks = ticks.Count(t => t.Done),
            CarriedForward = carried,
        });
        foreach (var key in context.State.OfType<StepRecord>().Select(s => s.Key).Concat(ticks.Select(t => t.Key)).ToList())
        {
            context.State.Remove(key);
        }

        var next = plan with { CurrentStep = StepCatalogue.First, Cycle = plan.Cycle + 1, CycleStartedAt = context.Now };
        context.State.Put(next);

        var number = next.Cycle.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<CardBlock>
        {
            new TextBlock($"{context.Turn.From.Name} carried the plan forward. Cycle {(plan.Cycle).ToString(CultureInfo.InvariantCulture)} is kept: who finished each step, and when."),
            new TextBlock("Your forms, lists and actions are all still here. The checklists start again, from step 1."),
        };
        if (carried.Count > 0)
        {
            blocks.Add(new TextBlock("Carried forward", TextTone.Heading));
            blocks.Add(new TextBlock(string.Join('\n', carried.Select(c => "• " + c))));
        }
        else
        {
            blocks.Add(new TextBlock("No actions were marked to carry forward in step 9's outcomes.", TextTone.Subtle));
        }

        blocks.Add(new TextBlock("Next: type \"where are we\" to see step 1 again.", TextTone.Subtle));
        context.Show(new Card { Title = $"Cycle {number} of {next.CommunityName}'s plan has started", Subtitle = next.PlanType.Title(), Blocks = blocks });
        return ValueTask.CompletedTask;
    }

    // Step 9's outcome rows with "carry forward" set, named by the step 5 action they point to.
    private static List<string> CarriedForward(TurnContext context)
    {
        var actions = StepForms.Rows(context.State, ActionTracking.ActionStep, ActionTracking.ActionForm)
            .ToDictionary(r => r.RowId, r => r.Values.GetValueOrDefault("action") ?? r.RowId, StringComparer.Ordinal);
        return StepForms.Rows(context.State, StepCatalogue.Last, OutcomesForm)
            .Where(r => r.Values.GetValueOrDefault("carryForward") == "true")
            .Select(r => r.Values.GetValueOrDefault("action") is { } id && actions.TryGetValue(id, out var title) ? title : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^(carry (it |the plan |our plan )?forward|start (a |the )?new cycle|start the next cycle)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
