using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// <c>progress</c>: where the plan stands across L-E-A-D and the nine steps, in words and (when the host draws
/// pictures) a picture of the nine steps with alt text.
/// </summary>
public sealed partial class ProgressCommand(IProgressPictures pictures) : ICommand, ICardActionHandler
{
    /// <summary>Verb of a "Show progress" button.</summary>
    public const string Verb = "progress.show";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb == Verb;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        Show(context, pictures);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        Show(context, pictures);
        return ValueTask.CompletedTask;
    }

    /// <summary>The progress card for the group's plan, with the picture from <paramref name="pictures"/> when there is one.</summary>
    public static Card Build(TurnContext context, PlanRecord plan, IProgressPictures? pictures = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var steps = PlanProgress.Steps(context.State, plan);
        var blocks = new List<CardBlock>();
        var marks = ProgressMarks.From(steps);
        if (pictures?.For(marks, context.Now) is { } picture)
        {
            blocks.Add(new ImageBlock(picture, ProgressPictureText.AltText(marks)));
        }

        foreach (var stage in Enum.GetValues<Stage>())
        {
            blocks.Add(new TextBlock($"{stage.Letter()} — {stage.Title()}", TextTone.Heading));
            var facts = StepCatalogue.All.Where(s => s.Stage == stage)
                .Select(s => new Fact($"Step {s.Number}: {s.Title}", Describe(steps[s.Number - 1], StepOverview.For(context.State, plan, s.Number))))
                .ToList();
            blocks.Add(new FactsBlock(facts));
        }

        var current = StepCatalogue.Get(plan.CurrentStep);
        blocks.Add(new TextBlock($"Next thing to do: {StepOverview.For(context.State, plan, plan.CurrentStep).NextThing}.", TextTone.Subtle));

        var done = steps.Count(s => s.Status == StepStatus.Complete);
        return new Card
        {
            Title = $"{plan.CommunityName}: progress",
            Subtitle = $"{plan.PlanType.Title()} · {done} of {StepCatalogue.All.Count} steps complete · now on step {current.Number}: {current.Title}",
            Blocks = blocks,
            Actions =
            [
                new CardAction($"Step {current.Number} checklist", ChecklistFeature.ShowVerb, context.Data(("step", current.Number.ToString(CultureInfo.InvariantCulture)))) { Style = ActionStyle.Positive },
            ],
        };
    }

    private static void Show(TurnContext context, IProgressPictures pictures)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Plan is not { } plan)
        {
            context.Say(Messages.NoPlanYet);
            return;
        }

        context.Show(Build(context, plan, pictures));
    }

    private static string Describe(StepProgress step, StepOverview overview)
    {
        var ticks = $"{step.ChecklistDone} of {step.ChecklistTotal} ticked, {overview.FormsDone} of {overview.Forms.Count} forms";
        return step.Status switch
        {
            StepStatus.Complete => $"✅ Complete ({ticks})",
            _ when step.IsCurrent => $"▶️ Current step ({ticks})",
            StepStatus.InProgress => $"In progress ({ticks})",
            _ => "Not started",
        };
    }

    [GeneratedRegex(@"^(progress|status|how are we doing|overview)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
