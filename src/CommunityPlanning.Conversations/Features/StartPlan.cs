using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Forms;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// Starting a plan: <c>start</c> (or the welcome card's button) shows the start form; submitting it
/// creates the plan, with the person who started it as chair.
/// </summary>
public sealed partial class StartPlan : ICommand, ICardActionHandler, IConversationEventHandler
{
    /// <summary>Verb of the button that shows the start form.</summary>
    public const string ShowFormVerb = "plan.start";

    /// <summary>Verb of the start form's submit button.</summary>
    public const string CreateVerb = "plan.create";

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb is ShowFormVerb or CreateVerb;

    /// <inheritdoc />
    public bool Handles(TurnKind kind) => kind == TurnKind.BotAdded;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ShowForm(context, ReplyMode.New);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Verb == ShowFormVerb)
        {
            ShowForm(context, ReplyMode.New);
        }
        else
        {
            Create(context, submission);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Plan is { } plan)
        {
            context.Say($"Hello again! I'm still looking after {plan.CommunityName}'s plan. Type \"progress\" to see where you are.");
            return ValueTask.CompletedTask;
        }

        if (context.Turn.IsPersonal)
        {
            // A personal install is where reminders arrive, not where a group's plan lives.
            context.Show(new Card
            {
                Title = "Hello, I'm PlanBot",
                Blocks =
                [
                    new TextBlock("This is our private chat. I'll send you reminders here when your actions are due."),
                    new TextBlock("Your steering group's plan lives in its channel or group chat: add me there and type \"start\"."),
                    new TextBlock("Here you can type \"my actions\" to see your actions in every group, or \"help\".", TextTone.Subtle),
                ],
            });
            return ValueTask.CompletedTask;
        }

        context.Show(new Card
        {
            Title = "Hello, I'm PlanBot",
            Blocks =
            [
                new TextBlock("I help your steering group make a Community Led Plan, using ACRE's nine steps: Launch, Evidence, Agree, Deliver."),
                new TextBlock("I keep your checklists, forms, actions and meeting notes in one place, and remind people when things are due."),
                new TextBlock("I keep the plan until the chair deletes it (\"delete our plan\"), or for a year after I'm removed. \"my data\" shows what I hold about you; \"forget me\" erases it.", TextTone.Subtle),
                new TextBlock("To begin, tell me about your plan. Type \"help\" any time to see what I can do.", TextTone.Subtle),
            ],
            Actions = [new CardAction("Start our plan", ShowFormVerb, context.Data()) { Style = ActionStyle.Positive }],
        });
        return ValueTask.CompletedTask;
    }

    private static void ShowForm(TurnContext context, ReplyMode mode)
    {
        if (context.Plan is { } plan)
        {
            context.Add(new Reply { Text = AlreadyStarted(plan), Mode = mode });
            return;
        }

        context.Show(FormCard(context, null, null), mode);
    }

    private static void Create(TurnContext context, Submission submission)
    {
        if (context.Plan is { } existing)
        {
            context.Add(new Reply { Text = AlreadyStarted(existing), Mode = ReplyMode.ReplaceSource });
            return;
        }

        var result = FormValidator.Validate(StartPlanForm.Definition, submission.Inputs);
        if (!result.IsValid || !PlanTypes.TryParse(result.Values.GetValueOrDefault(StartPlanForm.PlanTypeField), out var planType))
        {
            context.Show(FormCard(context, submission.Inputs, result.Errors), ReplyMode.ReplaceSource);
            return;
        }

        var name = result.Values[StartPlanForm.CommunityName];
        var plan = new PlanRecord(name, planType, StepCatalogue.First, context.Turn.From, context.Now);
        context.State.Put(plan);
        var member = context.State.Find<MemberRecord>(MemberRecord.KeyFor(context.Turn.From.Id));
        context.State.Put((member ?? new MemberRecord(context.Turn.From, MemberRole.Chair, context.Now)) with { Role = MemberRole.Chair, Active = true });

        var first = StepCatalogue.Get(StepCatalogue.First);
        context.Show(
            new Card
            {
                Title = $"{name}'s plan has started",
                Subtitle = planType.Title(),
                Blocks =
                [
                    new TextBlock($"{context.Turn.From.Name} is down as chair for now. You're on step 1: {first.Title}."),
                    new TextBlock(first.Purpose),
                    new TextBlock("Next: open the step 1 checklist and tick things off as you do them.", TextTone.Subtle),
                ],
                Actions =
                [
                    new CardAction("Step 1 checklist", ChecklistFeature.ShowVerb, context.Data(("step", "1"))) { Style = ActionStyle.Positive },
                    new CardAction("Show progress", ProgressCommand.Verb, context.Data()),
                ],
            },
            ReplyMode.ReplaceSource);
    }

    private static Card FormCard(TurnContext context, IReadOnlyDictionary<string, string>? values, IReadOnlyDictionary<string, string>? errors)
    {
        var form = StartPlanForm.Definition;
        var blocks = new List<CardBlock> { new TextBlock(form.Description!) };
        if (errors is { Count: > 0 })
        {
            blocks.Add(new TextBlock("Please check the answers marked below.", TextTone.Error));
        }

        blocks.AddRange(FormCards.Inputs(form, values, errors));
        return new Card
        {
            Title = form.Title,
            Blocks = blocks,
            Actions = [new CardAction("Start the plan", CreateVerb, context.Data()) { Style = ActionStyle.Positive, SubmitsInputs = true }],
        };
    }

    private static string AlreadyStarted(PlanRecord plan) =>
        $"{plan.CommunityName}'s plan is already started. Type \"progress\" to see where you are.";

    [GeneratedRegex(@"^(start|start (a |our |the )?plan|begin|get started|set up)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
