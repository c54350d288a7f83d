using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Opening a step: <c>step 4</c>, <c>where are we</c> (the current step), <c>next step</c> (the one after),
/// and <c>ask me the questions</c> (the step's questions in the chat). Buttons do the same.
/// </summary>
public sealed partial class StepCommand(DialogEngine dialogs) : ICommand, ICardActionHandler
{
    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is JourneyVerbs.ShowStep or JourneyVerbs.AskQuestions or JourneyVerbs.ShowMore or JourneyVerbs.ShowForms;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!StepArgument.TryResolve(context, match.Groups["n"], "Try \"step 4\", or \"where are we\" for the current step.", out var plan, out var step))
        {
            return ValueTask.CompletedTask;
        }

        if (match.Groups["next"].Success)
        {
            if (plan.CurrentStep == StepCatalogue.Last)
            {
                context.Say("You're on step 9, the last step. Type \"where are we\" to see it.");
                return ValueTask.CompletedTask;
            }

            step = plan.CurrentStep + 1;
            context.Say($"You're on step {JourneyData.Text(plan.CurrentStep)}. Here's what comes next.");
        }

        if (match.Groups["ask"].Success)
        {
            dialogs.Start(context, StepQuestionsFlow.FlowName, StepQuestionsFlow.For(step));
            return ValueTask.CompletedTask;
        }

        context.Show(StepCard.Build(context, plan, step));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (context.Plan is not { } plan)
        {
            JourneyData.Whisper(context, Messages.NoPlanYet);
            return ValueTask.CompletedTask;
        }

        if (!StepArgument.TryParse(submission.Get(JourneyVerbs.StepKey), out var step))
        {
            JourneyData.Whisper(context, "That card is missing its step. Type \"where are we\" for a fresh one.");
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == JourneyVerbs.AskQuestions)
        {
            dialogs.Start(context, StepQuestionsFlow.FlowName, StepQuestionsFlow.For(step));
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == JourneyVerbs.ShowForms)
        {
            context.Show(StepCard.FormsCard(context, plan, step), ReplyMode.Private);
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == JourneyVerbs.ShowMore)
        {
            context.Add(new Reply { Card = StepCard.MoreCard(step, plan.PlanType.HasStatutoryMilestones()), Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        context.Show(StepCard.Build(context, plan, step), JourneyData.ModeFor(submission));
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(
        @"^((show |open |go to )?step (?<n>\d{1,3})|(?<next>next step|what'?s next)|where are we( up to| at)?|(this|current|our) step|step|(?<ask>ask me( the)?( questions)?|(the )?questions)( (for|about) step (?<n>\d{1,3}))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
