using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// <c>step complete</c> (an officer, after a confirmation that names any unticked items) records who and
/// when and moves the plan on; <c>reopen step 3</c> (an officer) opens a step again. See <see cref="RoleRules"/>.
/// </summary>
public sealed partial class StepCompletion : ICommand, ICardActionHandler
{
    private const int ItemsListed = 5;

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is JourneyVerbs.CompleteStep or JourneyVerbs.KeepStepOpen;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!StepArgument.TryResolve(context, match.Groups["n"], "For example: \"reopen step 3\".", out var plan, out var step))
        {
            return ValueTask.CompletedTask;
        }

        if (match.Groups["reopen"].Success)
        {
            Reopen(context, step, match.Groups["n"].Success);
        }
        else if (Refusal(context, plan, step) is { } refusal)
        {
            context.Say(refusal);
        }
        else
        {
            // Only the officer who asked needs the "are you sure?" (Slack shows it to them alone); the
            // completion itself is then posted for everyone.
            context.Add(new Reply { Card = ConfirmCard(context, plan, step), Mode = ReplyMode.Private });
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (context.Plan is not { } plan || !StepArgument.TryParse(submission.Get(JourneyVerbs.StepKey), out var step))
        {
            JourneyData.Whisper(context, "That card no longer works. Type \"where are we\" for a fresh one.");
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == JourneyVerbs.KeepStepOpen)
        {
            context.Add(new Reply { Text = $"OK, step {JourneyData.Text(step)} stays open.", Mode = ReplyMode.ReplaceSource });
            return ValueTask.CompletedTask;
        }

        if (Refusal(context, plan, step) is { } refusal)
        {
            JourneyData.Whisper(context, refusal);
            return ValueTask.CompletedTask;
        }

        Complete(context, plan, step);
        return ValueTask.CompletedTask;
    }

    private static string? Refusal(TurnContext context, PlanRecord plan, int step)
    {
        if (!RoleRules.MaySignOffSteps(context.State, context.Turn.From.Id))
        {
            return $"Only {RoleRules.OfficerWords} can mark a step complete. Ask {RolesFeature.Holders(context, RoleRules.IsOfficerRole)}.";
        }

        if (context.State.Find<StepRecord>(StepRecord.KeyFor(step)) is { Completed: true } record)
        {
            var who = record.CompletedBy is { } by ? $" by {by.Name}" : string.Empty;
            return $"Step {JourneyData.Text(step)} is already complete{who}. An officer can reopen it with \"reopen step {JourneyData.Text(step)}\".";
        }

        return step > plan.CurrentStep
            ? $"You're on step {JourneyData.Text(plan.CurrentStep)}, so step {JourneyData.Text(step)} can't be completed yet."
            : null;
    }

    private static Card ConfirmCard(TurnContext context, PlanRecord plan, int step)
    {
        var open = PlanProgress.OpenItems(context.State, plan, step);
        var definition = StepCatalogue.Get(step);
        var blocks = new List<CardBlock>();
        if (open.Count == 0)
        {
            blocks.Add(new TextBlock("Everything on the checklist is ticked. I'll record who completed it and when."));
        }
        else
        {
            blocks.Add(new TextBlock(
                open.Count == 1 ? "There is 1 item not ticked:" : string.Create(CultureInfo.InvariantCulture, $"There are {open.Count} items not ticked:"),
                TextTone.Warning));
            var listed = open.Take(ItemsListed).Select(i => "☐ " + i.Text).ToList();
            if (open.Count > ItemsListed)
            {
                listed.Add(string.Create(CultureInfo.InvariantCulture, $"…and {open.Count - ItemsListed} more"));
            }

            blocks.Add(new TextBlock(string.Join('\n', listed)));
            blocks.Add(new TextBlock("Complete anyway?"));
        }

        return new Card
        {
            Title = $"Complete step {JourneyData.Text(step)}: {definition.Title}?",
            Blocks = blocks,
            Actions =
            [
                new CardAction(open.Count == 0 ? "Yes, complete it" : "Complete anyway", JourneyVerbs.CompleteStep, JourneyData.Step(context, step)) { Style = ActionStyle.Positive },
                new CardAction("Not yet", JourneyVerbs.KeepStepOpen, JourneyData.Step(context, step)),
            ],
        };
    }

    private static void Complete(TurnContext context, PlanRecord plan, int step)
    {
        var existing = context.State.Find<StepRecord>(StepRecord.KeyFor(step)) ?? new StepRecord(step, false);
        context.State.Put(existing with { Completed = true, CompletedBy = context.Turn.From, CompletedAt = context.Now });
        var next = Enumerable.Range(step + 1, Math.Max(0, StepCatalogue.Last - step))
            .FirstOrDefault(n => !PlanProgress.IsComplete(context.State, n));
        var moved = step == plan.CurrentStep && next != 0;
        if (moved)
        {
            plan = plan with { CurrentStep = next };
            context.State.Put(plan);
        }

        var who = $"Marked complete by {context.Turn.From.Name} on {DisplayDates.Day(context.Now)}.";
        var text = moved ? $"{who} You're now on step {JourneyData.Text(next)}: {StepCatalogue.Get(next).Title}."
            : step == StepCatalogue.Last ? $"{who} That's the last step. Well done, everyone: your plan has come full circle."
            : who;
        context.Add(new Reply
        {
            Card = new Card { Title = $"Step {JourneyData.Text(step)} is complete", Blocks = [new TextBlock(text, TextTone.Good)] },
            Mode = ReplyMode.ReplaceSource,
        });
        if (moved)
        {
            context.Show(StepCard.Build(context, plan, next));
        }
    }

    private static void Reopen(TurnContext context, int step, bool named)
    {
        if (!RoleRules.MaySignOffSteps(context.State, context.Turn.From.Id))
        {
            context.Say($"Only {RoleRules.OfficerWords} can reopen a step. Ask {RolesFeature.Holders(context, RoleRules.IsOfficerRole)}.");
            return;
        }

        if (!named)
        {
            context.Say("Which step? For example: reopen step 3.");
            return;
        }

        if (context.State.Find<StepRecord>(StepRecord.KeyFor(step)) is not { Completed: true } record)
        {
            context.Say($"Step {JourneyData.Text(step)} isn't marked complete, so there's nothing to reopen.");
            return;
        }

        context.State.Put(record with { Completed = false, ReopenedBy = context.Turn.From, ReopenedAt = context.Now });
        context.Say($"Step {JourneyData.Text(step)} is open again. When it's done, an officer can type \"complete step {JourneyData.Text(step)}\".");
    }

    [GeneratedRegex(
        @"^((mark )?step( (?<n>\d{1,3}))?( as)? (complete|completed|done|finished)|(complete|finish) step( (?<n>\d{1,3}))?|(?<reopen>re-?open) step( (?<n>\d{1,3}))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
