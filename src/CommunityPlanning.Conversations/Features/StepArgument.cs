using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Features;

/// <summary>The step a command or card is about: one reading of step numbers for every feature.</summary>
public static class StepArgument
{
    /// <summary>Reads a step number, 1 to 9.</summary>
    public static bool TryParse(string? text, out int step) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out step) && StepCatalogue.IsValid(step);

    /// <summary>
    /// The plan and the step a typed command is about: the step named in <paramref name="named"/>, else
    /// the current one. When there is no plan yet, or the number is not a step, it says so (with
    /// <paramref name="example"/> as a hint) and returns false.
    /// </summary>
    public static bool TryResolve(TurnContext context, Group named, string example, [NotNullWhen(true)] out PlanRecord? plan, out int step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(named);
        plan = context.Plan;
        step = 0;
        if (plan is null)
        {
            context.Say(Messages.NoPlanYet);
            return false;
        }

        step = plan.CurrentStep;
        if (named.Success && !TryParse(named.Value, out step))
        {
            context.Say($"Steps are numbered 1 to 9. {example}");
            return false;
        }

        return true;
    }
}
