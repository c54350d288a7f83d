using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Journey;

/// <summary><c>summary step 4</c>: everything the group has recorded for a step — ticks, answers, entries.</summary>
public sealed partial class SummaryCommand : ICommand, ICardActionHandler
{
    private const int RowsShown = 15;

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb == JourneyVerbs.ShowSummary;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!StepArgument.TryResolve(context, match.Groups["n"], "Try \"summary step 4\".", out var plan, out var step))
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
        if (context.Plan is not { } plan || !StepArgument.TryParse(submission.Get(JourneyVerbs.StepKey), out var step))
        {
            JourneyData.Whisper(context, "That card no longer works. Type \"summary\" for a fresh one.");
            return ValueTask.CompletedTask;
        }

        context.Show(Build(context, plan, step));
        return ValueTask.CompletedTask;
    }

    /// <summary>The summary card of one step.</summary>
    public static Card Build(TurnContext context, PlanRecord plan, int step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var overview = StepOverview.For(context.State, plan, step);
        var blocks = new List<CardBlock>();
        if (overview.Record is { Completed: true, CompletedBy: { } by, CompletedAt: { } at })
        {
            blocks.Add(new TextBlock($"Marked complete by {by.Name} on {DisplayDates.Day(at)}.", TextTone.Good));
        }

        blocks.Add(new TextBlock("Checklist", TextTone.Heading));
        blocks.Add(new FactsBlock(overview.Step.ChecklistFor(plan.PlanType)
            .Select(item =>
            {
                var tick = context.State.Find<ChecklistTick>(ChecklistTick.KeyFor(step, item.Id));
                return new Fact(item.Text, tick is { Done: true } ? $"✅ {tick.By.Name}, {DisplayDates.Day(tick.At)}" : "Not yet");
            })
            .ToList()));

        foreach (var form in overview.Forms.Select(f => StepForms.Resolve(overview.Step, f.Form, context.State)))
        {
            blocks.Add(new TextBlock(form.Title, TextTone.Heading));
            var facts = form.Repeating ? RowFacts(context, overview, form) : AnswerFacts(context, overview, form);
            blocks.Add(facts.Count == 0 ? new TextBlock("Nothing recorded yet.", TextTone.Subtle) : new FactsBlock(facts));
        }

        return new Card
        {
            Title = $"Step {JourneyData.Text(step)} summary: {overview.Step.Title}",
            Subtitle = $"{overview.Progress.ChecklistDone} of {overview.Progress.ChecklistTotal} ticked · {overview.FormsDone} of {overview.Forms.Count} forms with answers",
            Blocks = blocks,
            Actions = [new CardAction($"Step {JourneyData.Text(step)}", JourneyVerbs.ShowStep, JourneyData.Step(context, step))],
        };
    }

    private static List<Fact> AnswerFacts(TurnContext context, StepOverview overview, FormDefinition form)
    {
        var row = StepForms.Single(context.State, overview.Step.Number, form.Id);
        if (row is null)
        {
            return [];
        }

        var facts = form.Fields.Where(f => row.Values.ContainsKey(f.Id)).Select(f => new Fact(f.Label, FieldDisplay.Show(f, row.Values[f.Id]))).ToList();
        facts.AddRange(StepForms.Computed(overview.Step, form.Id, context.State, ComputedScope.Row, row.Values).Select(c => new Fact(c.Label, c.Value)));
        facts.AddRange(StepForms.Computed(overview.Step, form.Id, context.State, ComputedScope.Form).Select(c => new Fact(c.Label, c.Value)));
        return facts;
    }

    private static List<Fact> RowFacts(TurnContext context, StepOverview overview, FormDefinition form)
    {
        var rows = StepForms.Rows(context.State, overview.Step.Number, form.Id);
        var facts = rows.Take(RowsShown)
            .Select((row, i) => new Fact(JourneyData.Text(i + 1) + ".", FormViews.RowSummary(context, overview.Step, form, row)))
            .ToList();
        if (rows.Count > RowsShown)
        {
            facts.Add(new Fact("…", string.Create(CultureInfo.InvariantCulture, $"and {rows.Count - RowsShown} more (open the form to see them all)")));
        }

        facts.AddRange(StepForms.Computed(overview.Step, form.Id, context.State, ComputedScope.Form).Select(c => new Fact(c.Label, c.Value)));
        return facts;
    }

    [GeneratedRegex(@"^((summary|summarise|summarize)( (of |for )?step (?<n>\d{1,3}))?|step (?<n>\d{1,3}) summary)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
