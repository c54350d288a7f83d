using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// A step at a glance: what it is for, what is done, what is missing, and buttons for the questions,
/// the checklist and each form.
/// </summary>
public static class StepCard
{
    private const int MissingShown = 4;

    // Step 6 (drafting the plan) has a "Draft the plan" button beside its checklist.
    private const int DraftingStep = 6;

    /// <summary>The card for one step of the group's plan.</summary>
    public static Card Build(TurnContext context, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var overview = StepOverview.For(context.State, plan, step);
        var definition = overview.Step;
        var progress = overview.Progress;
        var blocks = new List<CardBlock> { new TextBlock(definition.Purpose) };

        // Forms not started are listed under "Still to do", not as "Nothing yet" rows here.
        var done = new List<Fact> { new("Checklist", $"{progress.ChecklistDone} of {progress.ChecklistTotal} ticked") };
        done.AddRange(overview.Forms.Where(f => f.Rows > 0 || f.Answered > 0).Select(f => new Fact(f.Form.Title, FormState(f))));
        blocks.Add(new TextBlock("Done so far", TextTone.Heading));
        blocks.Add(new FactsBlock(done));
        if (step == Surveys.SurveyCards.Step)
        {
            blocks.AddRange(Surveys.SurveyCards.StepBlocks(context.State, context.Now));
        }

        // Plain bullets: tick boxes here looked tappable, and are not ("Open checklist" is).
        var missing = overview.OpenItems.Select(i => "• " + i.Text)
            .Concat(overview.Forms.Where(f => !f.Done).Select(f => "• Fill in: " + f.Form.Title))
            .ToList();
        if (missing.Count > 0 && progress.Status != StepStatus.Complete)
        {
            var shown = missing.Take(MissingShown).ToList();
            if (missing.Count > MissingShown)
            {
                shown.Add(string.Create(CultureInfo.InvariantCulture, $"…and {missing.Count - MissingShown} more"));
            }

            blocks.Add(new TextBlock("Still to do", TextTone.Heading));
            blocks.Add(new TextBlock(string.Join('\n', shown)));
        }

        if (definition.Tips.Count > 0)
        {
            blocks.Add(new TextBlock("Tip: " + definition.Tips[TipIndex(context, definition.Tips.Count)], TextTone.Subtle));
        }

        if (definition.Pitfalls.Count > 0)
        {
            blocks.Add(new TextBlock("Watch out for: " + definition.Pitfalls[0], TextTone.Warning));
        }

        if (More(definition, plan.PlanType.HasStatutoryMilestones()) is { Count: > 0 } more)
        {
            blocks.Add(new MoreBlock(ShowMoreTitle, more, JourneyVerbs.ShowMore, JourneyData.Step(context, step)));
        }

        if (plan.PlanType.HasNeighbourhoodStage() && NeighbourhoodStage.Steps.Contains(step))
        {
            blocks.Add(new TextBlock("The Neighbourhood Plan's statutory stages follow this plan and don't hold up this step: type \"neighbourhood plan\".", TextTone.Subtle));
        }

        if (step == plan.CurrentStep && progress.Status != StepStatus.Complete)
        {
            blocks.Add(new TextBlock("When the step is done, an officer (chair, vice-chair, secretary or treasurer) types \"step complete\".", TextTone.Subtle));
        }

        // Three buttons on the card, the rest in its overflow menu; the forms open from one "Forms" card.
        var actions = new List<CardAction> { new("Open checklist", ChecklistFeature.ShowVerb, JourneyData.Step(context, step)) { Style = ActionStyle.Positive } };
        if (step == DraftingStep)
        {
            actions.Add(new CardAction("Draft the plan", Plans.PlanVerbs.Draft, context.Data()));
        }

        if (overview.Forms.Count > 0)
        {
            actions.Add(new CardAction("Forms", JourneyVerbs.ShowForms, JourneyData.Step(context, step)));
        }

        actions.Add(new CardAction("Ask me questions", JourneyVerbs.AskQuestions, JourneyData.Step(context, step)));
        actions.Add(new CardAction("Summary", JourneyVerbs.ShowSummary, JourneyData.Step(context, step)));

        return new Card
        {
            Title = $"Step {JourneyData.Text(step)}: {definition.Title}",
            Subtitle = $"{definition.Stage.Letter()} — {definition.Stage.Title()} · {Status(context, plan, overview)}",
            Blocks = blocks,
            Actions = actions,
        };
    }

    /// <summary>The step's forms, how far each has got, and a button to open each.</summary>
    public static Card FormsCard(TurnContext context, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var overview = StepOverview.For(context.State, plan, step);
        return new Card
        {
            Title = $"Step {JourneyData.Text(step)}: forms",
            Subtitle = overview.Step.Title,
            Blocks =
            [
                new FactsBlock(overview.Forms.Select(f => new Fact(f.Form.Title, f.Rows > 0 || f.Answered > 0 ? FormState(f) : "Not started")).ToList()),
                new TextBlock("Pick a form to fill it in. Anyone in the group can.", TextTone.Subtle),
            ],
            ActionsStacked = true,
            Actions = overview.Forms.Take(6).Select(f => new CardAction(f.Form.Title, JourneyVerbs.OpenForm, JourneyData.Form(context, step, f.Form.Id))).ToList(),
        };
    }

    /// <summary>The title of the folded part of a step card.</summary>
    public const string ShowMoreTitle = "Show more";

    /// <summary>What a step produces, every pitfall to watch for, and the hard words it uses: the folded part of its card.</summary>
    public static IReadOnlyList<CardBlock> More(StepDefinition definition, bool statutory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var blocks = new List<CardBlock>();
        if (definition.Outputs.Count > 0)
        {
            blocks.Add(new TextBlock("What this step produces", TextTone.Heading));
            blocks.Add(new TextBlock(string.Join('\n', definition.Outputs.Select(o => "• " + o))));
        }

        if (definition.Pitfalls.Count > 0)
        {
            blocks.Add(new TextBlock("Things to watch out for", TextTone.Heading));
            blocks.Add(new TextBlock(string.Join('\n', definition.Pitfalls.Select(p => "⚠ " + p))));
        }

        var words = Glossary.In(string.Join('\n', [definition.Purpose, .. definition.ChecklistFor(statutory).Select(i => i.Text), .. definition.Tips, .. definition.Pitfalls]));
        if (words.Count > 0)
        {
            blocks.Add(new TextBlock(
                $"Words used here: {string.Join(", ", words.Select(w => w.Term))}. Type \"what is {words[0].Term}\" to have one explained.",
                TextTone.Subtle));
        }

        return blocks;
    }

    /// <summary>The folded part of a step card on its own, for channels that cannot fold content.</summary>
    public static Card MoreCard(int step, bool statutory)
    {
        var definition = StepCatalogue.Get(step);
        return new Card
        {
            Title = $"Step {JourneyData.Text(step)}: {definition.Title}",
            Subtitle = "What it produces and what to watch out for",
            Blocks = [.. More(definition, statutory), new TextBlock($"Type \"step {JourneyData.Text(step)}\" to see the step again.", TextTone.Subtle)],
        };
    }

    /// <summary>A short description of how far a form has got.</summary>
    public static string FormState(FormOverview form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Form.Repeating)
        {
            return form.Rows switch
            {
                0 => "Nothing yet",
                1 => "1 entry",
                _ => string.Create(CultureInfo.InvariantCulture, $"{form.Rows} entries"),
            };
        }

        return form.Answered == 0 ? "Nothing yet"
            : string.Create(CultureInfo.InvariantCulture, $"{form.Answered} of {form.Form.Fields.Count} answered{(form.Done ? string.Empty : ", some needed answers missing")}");
    }

    private static string Status(TurnContext context, PlanRecord plan, StepOverview overview)
    {
        if (overview.Record is { Completed: true } record)
        {
            var by = record.CompletedBy is { } who ? $" by {who.Name}" : string.Empty;
            var when = record.CompletedAt is { } at ? $" on {DisplayDates.Day(at)}" : string.Empty;
            return $"Complete{by}{when}";
        }

        return overview.Step.Number == plan.CurrentStep ? "Current step"
            : overview.Step.Number > plan.CurrentStep ? "Coming up"
            : "Not yet marked complete";
    }

    // A different tip each day, so the card doesn't repeat itself at every meeting.
    private static int TipIndex(TurnContext context, int count) =>
        (int)(DateOnly.FromDateTime(context.Now.UtcDateTime).DayNumber % count);
}
