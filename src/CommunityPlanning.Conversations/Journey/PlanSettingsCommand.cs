using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Forms;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>
/// Changing what the start form set, as it promises: <c>rename plan Great Wittering</c> and
/// <c>change plan type</c> (a card with the plan types). Officers only (RoleRules).
/// </summary>
public sealed partial class PlanSettingsCommand : ICommand, ICardActionHandler
{
    /// <summary>Save the plan type chosen on the card (input: planType).</summary>
    public const string ChangeTypeVerb = "plan.retype";

    private static readonly FieldDefinition NameField = StartPlanForm.Definition.Field(StartPlanForm.CommunityName)!;

    private static readonly FormDefinition TypeForm = new("plan-type", "Change the plan type", [StartPlanForm.Definition.Field(StartPlanForm.PlanTypeField)!])
    {
        Description = "Checklists and forms change to suit the new type. Nothing already recorded is lost.",
    };

    /// <inheritdoc />
    public Regex Pattern => Matcher();

    /// <inheritdoc />
    public bool Handles(string verb) => verb == ChangeTypeVerb;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Match match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(match);
        if (!TryOfficer(context, out var plan))
        {
            return ValueTask.CompletedTask;
        }

        if (match.Groups["type"].Success)
        {
            context.Show(TypeCard(context, plan, null));
            return ValueTask.CompletedTask;
        }

        if (!match.Groups["name"].Success)
        {
            context.Say("Tell me the new name, like: rename plan Great Wittering.");
            return ValueTask.CompletedTask;
        }

        var (name, error) = FormValidator.ValidateField(NameField, match.Groups["name"].Value.Trim().Trim('"', '“', '”'));
        if (error is not null || string.IsNullOrWhiteSpace(name))
        {
            context.Say($"{error ?? "The name can't be empty."} Try again, like: rename plan Great Wittering.");
            return ValueTask.CompletedTask;
        }

        if (string.Equals(name, plan.CommunityName, StringComparison.Ordinal))
        {
            context.Say($"The plan is already called {name}. Type \"progress\" to see where you are.");
            return ValueTask.CompletedTask;
        }

        context.State.Put(plan with { CommunityName = name });
        context.Say($"Done: {plan.CommunityName}'s plan is now {name}'s plan. Type \"progress\" to see it.");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (!TryOfficer(context, out var plan))
        {
            return ValueTask.CompletedTask;
        }

        if (!PlanTypes.TryParse(submission.Inputs.GetValueOrDefault(StartPlanForm.PlanTypeField), out var type))
        {
            context.Show(TypeCard(context, plan, "Please choose a plan type."), ReplyMode.ReplaceSource);
            return ValueTask.CompletedTask;
        }

        if (type == plan.PlanType)
        {
            context.Add(new Reply { Text = $"The plan is already a {type.Title()}. Type \"where are we\" to carry on.", Mode = ReplyMode.ReplaceSource });
            return ValueTask.CompletedTask;
        }

        context.State.Put(plan with { PlanType = type });
        var note = plan.PlanType.HasStatutoryMilestones() && !type.HasStatutoryMilestones()
            ? " The Neighbourhood Plan stages are hidden now. What you recorded for them is kept, and comes back if you change again."
            : type.HasNeighbourhoodStage()
                ? " Who leads, the area and the policies are in steps 1 and 5; the statutory stages follow the plan (type \"neighbourhood plan\")."
                : type.HasStatutoryMilestones() && !plan.PlanType.HasStatutoryMilestones()
                    ? " The Neighbourhood Plan stages are now in steps 1, 5, 6 and 7."
                    : string.Empty;
        context.Add(new Reply
        {
            Text = $"{context.Turn.From.Name} changed the plan type from {plan.PlanType.Title()} to {type.Title()}.{note} Type \"where are we\" to see the current step.",
            Mode = ReplyMode.ReplaceSource,
        });
        return ValueTask.CompletedTask;
    }

    // The one place this feature asks who may change the plan (RoleRules: officers).
    internal static bool TryOfficer(TurnContext context, out PlanRecord plan)
    {
        plan = context.Plan!;
        if (context.Plan is null)
        {
            context.Add(new Reply { Text = Messages.NoPlanYet, Mode = context.Turn.Submission is null ? ReplyMode.New : ReplyMode.Private });
            return false;
        }

        if (!RoleRules.MayChangePlanSettings(context.State, context.Turn.From.Id))
        {
            var text = $"Only {RoleRules.OfficerWords} can change the plan's name, type or cycle. Ask {RolesFeature.Holders(context, RoleRules.IsOfficerRole)}.";
            context.Add(new Reply { Text = text, Mode = context.Turn.Submission is null ? ReplyMode.New : ReplyMode.Private });
            return false;
        }

        return true;
    }

    private static Card TypeCard(TurnContext context, PlanRecord plan, string? error)
    {
        var values = new Dictionary<string, string> { [StartPlanForm.PlanTypeField] = plan.PlanType.Code() };
        var errors = error is null ? null : new Dictionary<string, string> { [StartPlanForm.PlanTypeField] = error };
        return new Card
        {
            Title = TypeForm.Title,
            Subtitle = $"Now: {plan.PlanType.Title()}",
            Blocks = [new TextBlock(TypeForm.Description!), .. FormCards.Inputs(TypeForm, values, errors)],
            Actions = [new CardAction("Change the type", ChangeTypeVerb, context.Data()) { Style = ActionStyle.Positive, SubmitsInputs = true }],
        };
    }

    [GeneratedRegex(
        @"^(?:rename (?:the |our )?plan(?:(?: to| as)? (?<name>.+))?|(?<type>change (?:the |our )?(?:plan type|plan's type|type of plan)))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Matcher();
}
