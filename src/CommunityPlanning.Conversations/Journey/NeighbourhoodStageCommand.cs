using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// <c>neighbourhood plan</c> (or <c>np stages</c>): for a Community Led Plan that leads into a Neighbourhood Plan,
/// the statutory stages that follow it (<see cref="NeighbourhoodStage"/>) as one shared card to tick, with their
/// forms. Ticks go through the checklist's own verb; the card's data names this view so a tick redraws it.
/// </summary>
public sealed partial class NeighbourhoodStageCommand : ICommand
{
    /// <summary>The data key a tick carries to say it came from this card.</summary>
    public const string ViewKey = "view";

    /// <summary>The value of <see cref="ViewKey"/> for this card.</summary>
    public const string View = "np";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Plan is not { } plan)
        {
            context.Say(Messages.NoPlanYet);
        }
        else if (plan.PlanType.HasNeighbourhoodStage())
        {
            context.Show(Build(context, plan));
        }
        else if (plan.PlanType == PlanType.NeighbourhoodPlan)
        {
            context.Say("Your Neighbourhood Plan's stages are part of steps 1, 5, 6 and 7. Type \"step 6\" to see the Regulation 14 stage.");
        }
        else
        {
            context.Say($"A {plan.PlanType.Title()} has no Neighbourhood Plan stages. If the group means to make one after this plan, an officer types \"change plan type\".");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The shared card of the stage's items and forms.</summary>
    public static Card Build(TurnContext context, PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var blocks = new List<CardBlock>
        {
            new TextBlock("These statutory stages follow your Community Led Plan. They take a year or more, so they don't hold up steps 6 and 7. Tick each one as it happens."),
        };
        foreach (var step in NeighbourhoodStage.Steps)
        {
            var entries = NeighbourhoodStage.Items.Where(p => p.Step == step).Select(p =>
            {
                var tick = context.State.Find<ChecklistTick>(ChecklistTick.KeyFor(step, p.Item.Id));
                return new ChecklistEntry(p.Item.Id, p.Item.Text, tick?.Done ?? false, tick is { Done: true } ? $"Ticked by {tick.By.Name}, {DisplayDates.Day(tick.At)}" : null);
            }).ToList();
            blocks.Add(new TextBlock(step == 6 ? "The draft plan" : "Submission to the plan being made", TextTone.Heading));
            blocks.Add(new ChecklistBlock(ChecklistFeature.SetVerb, context.Data(("step", step.ToString(CultureInfo.InvariantCulture)), (ViewKey, View)), entries));
        }

        blocks.Add(new TextBlock("Record the dates in the forms below; they must run in order, from the area's designation to the plan being made.", TextTone.Subtle));
        return new Card
        {
            Title = "Neighbourhood Plan stages",
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"After the Community Led Plan · {NeighbourhoodStage.Done(context.State)} of {NeighbourhoodStage.Items.Count} done"),
            Shared = true,
            Blocks = blocks,
            Actions = NeighbourhoodStage.Forms.Select(p => new CardAction(p.Form.Title, JourneyVerbs.OpenForm, JourneyData.Form(context, p.Step, p.Form.Id))).ToList(),
        };
    }

    [GeneratedRegex(@"^(?:neighbourhood plan(?: stages)?|np stages|statutory stages)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
