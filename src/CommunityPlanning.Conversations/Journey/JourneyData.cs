using System.Globalization;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>Reading and writing the ids the journey's cards carry.</summary>
internal static class JourneyData
{
    public static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Card data naming a step, plus any other pairs.</summary>
    public static IReadOnlyDictionary<string, string> Step(TurnContext context, int step, params (string Key, string Value)[] more) =>
        context.Data([(JourneyVerbs.StepKey, Text(step)), .. more]);

    /// <summary>Card data naming a step's form, plus any other pairs.</summary>
    public static IReadOnlyDictionary<string, string> Form(TurnContext context, int step, string formId, params (string Key, string Value)[] more) =>
        context.Data([(JourneyVerbs.StepKey, Text(step)), (JourneyVerbs.FormKey, formId), .. more]);

    /// <summary>A form of the step that applies to this plan (statutory forms only for Neighbourhood Plans).</summary>
    public static FormDefinition? FindForm(PlanRecord plan, StepDefinition step, string? formId) =>
        formId is null ? null
        : step.FormsFor(plan.PlanType.HasStatutoryMilestones()).FirstOrDefault(f => string.Equals(f.Id, formId, StringComparison.Ordinal));

    /// <summary>Replace the card a button is on when the button asks for it, otherwise post a new one.</summary>
    public static ReplyMode ModeFor(Submission submission) =>
        submission.Get(JourneyVerbs.ReplaceKey) == "1" ? ReplyMode.ReplaceSource : ReplyMode.New;

    /// <summary>A reply only the person who pressed the button sees.</summary>
    public static void Whisper(TurnContext context, string text) =>
        context.Add(new Reply { Text = text, Mode = ReplyMode.Private });

    /// <summary>The step and form a card action names, or a friendly refusal already added.</summary>
    public static bool TryStepAndForm(TurnContext context, Submission submission, out PlanRecord plan, out StepDefinition step, out FormDefinition form)
    {
        plan = null!;
        step = null!;
        form = null!;
        if (context.Plan is not { } current)
        {
            Whisper(context, Features.Messages.NoPlanYet);
            return false;
        }

        if (!StepArgument.TryParse(submission.Get(JourneyVerbs.StepKey), out var number)
            || FindForm(current, StepCatalogue.Get(number), submission.Get(JourneyVerbs.FormKey)) is not { } found)
        {
            Whisper(context, "I couldn't find that form. Type \"where are we\" for a fresh step card.");
            return false;
        }

        plan = current;
        step = StepCatalogue.Get(number);
        form = found;
        return true;
    }
}
