using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// <c>checklist</c> (or <c>checklist 4</c>): a step's checklist as a shared card anyone can tick.
/// A tick carries the state wanted, so a stale card merges with others' ticks instead of undoing them.
/// </summary>
public sealed partial class ChecklistFeature : ICommand, ICardActionHandler
{
    /// <summary>Verb of a "show checklist" button (data: step).</summary>
    public const string ShowVerb = "checklist.show";

    /// <summary>Verb of a tick (data: step, item, done).</summary>
    public const string SetVerb = "checklist.set";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is ShowVerb or SetVerb;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!StepArgument.TryResolve(context, match.Groups["step"], "Try \"checklist 4\", or just \"checklist\" for the current step.", out var plan, out var step))
        {
            return ValueTask.CompletedTask;
        }

        context.Show(Build(context, plan, step));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (context.Plan is not { } plan)
        {
            context.Add(new Reply { Text = Messages.NoPlanYet, Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        if (!StepArgument.TryParse(submission.Get("step"), out var step))
        {
            context.Add(new Reply { Text = "That checklist card is missing its step. Type \"checklist\" for a fresh one.", Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        if (submission.Verb == ShowVerb)
        {
            context.Show(Build(context, plan, step));
            return ValueTask.CompletedTask;
        }

        var itemId = submission.Get(ChecklistBlock.ItemKey);
        var item = StepCatalogue.Get(step).ChecklistFor(plan.PlanType.HasStatutoryMilestones())
            .FirstOrDefault(i => string.Equals(i.Id, itemId, StringComparison.Ordinal));
        if (item is null || !bool.TryParse(submission.Get(ChecklistBlock.DoneKey), out var done))
        {
            context.Add(new Reply { Text = "I couldn't find that checklist item. Type \"checklist\" for a fresh card.", Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        var key = ChecklistTick.KeyFor(step, item.Id);
        var current = context.State.Find<ChecklistTick>(key);
        if ((current?.Done ?? false) != done)
        {
            context.State.Put(new ChecklistTick(step, item.Id, done, context.Turn.From, context.Now));
        }

        var fromStage = submission.Get(Journey.NeighbourhoodStageCommand.ViewKey) == Journey.NeighbourhoodStageCommand.View && plan.PlanType.HasNeighbourhoodStage();
        context.Show(fromStage ? Journey.NeighbourhoodStageCommand.Build(context, plan) : Build(context, plan, step), ReplyMode.ReplaceSource);
        return ValueTask.CompletedTask;
    }

    /// <summary>The shared checklist card for a step.</summary>
    public static Card Build(TurnContext context, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var definition = StepCatalogue.Get(step);
        var entries = definition.ChecklistFor(plan.PlanType)
            .Select(item =>
            {
                var tick = context.State.Find<ChecklistTick>(ChecklistTick.KeyFor(step, item.Id));
                var detail = tick is { Done: true } ? $"Ticked by {tick.By.Name}, {DisplayDates.Day(tick.At)}" : null;
                return new ChecklistEntry(item.Id, item.Text, tick?.Done ?? false, detail);
            })
            .ToList();
        var done = entries.Count(e => e.Done);
        var stepText = step.ToString(CultureInfo.InvariantCulture);
        return new Card
        {
            Title = $"Step {step}: {definition.Title}",
            Subtitle = $"Checklist · {done} of {entries.Count} done",
            Shared = true,
            Blocks =
            [
                new TextBlock("Tap an item to tick it, or tap again to untick. Everyone in the group sees the same list.", TextTone.Subtle),
                new ChecklistBlock(SetVerb, context.Data(("step", stepText)), entries),
            ],
            Actions = [new CardAction("Show progress", ProgressCommand.Verb, context.Data())],
        };
    }


    [GeneratedRegex(@"^(check ?list|tick ?list|to ?do)( (for )?(step )?(?<step>\d{1,3}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
