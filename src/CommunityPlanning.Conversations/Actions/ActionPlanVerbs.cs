using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// Typed changes that link an action to the action plan: <c>action 12 plan issue speeding on the main road</c>,
/// <c>action 12 priority high</c>, <c>action 12 lead type partnership</c>, <c>action 12 partners the county council</c>,
/// <c>action 12 cost 250</c>, <c>action 12 funding parish precept</c>, and <c>theme</c>, <c>timescale</c>,
/// <c>lead</c>, <c>measure</c> (the word "plan" before any of them is optional; "none" clears one). Each is
/// checked against the step-5 action plan form's own field, so the chat and the form accept the same values.
/// </summary>
internal static partial class ActionPlanVerbs
{
    /// <summary>The plan verbs: the words typed, the action plan form's field, and an example.</summary>
    public static IReadOnlyList<PlanVerb> All { get; } =
    [
        new("issue", "issue", "issue speeding on the main road"),
        new("priority", "priority", "priority high"),
        new("lead type", "type", "lead type partnership"),
        new("lead", "lead", "lead the village hall committee"),
        new("partners", "partners", "partners the county council"),
        new("cost", "cost", "cost 250"),
        new("funding", "funding", "funding parish precept"),
        new("theme", "theme", "theme transport"),
        new("timescale", "timescale", "timescale short"),
        new("measure", "measure", "measure fewer cars over 30 mph"),
    ];

    /// <summary>True when the rest of an <c>action 12 …</c> message is a plan verb.</summary>
    public static bool IsPlanChange(string rest) => Part().IsMatch(rest);

    /// <summary>Applies a plan verb to the action and says what changed, or what to type instead.</summary>
    public static string Apply(TurnContext context, ActionItem action, string rest)
    {
        var id = ActionText.Number(action.Id);
        var match = Part().Match(rest);
        var words = Regex.Replace(match.Groups["verb"].Value.ToLowerInvariant(), @"[\s\-]+", string.Empty) switch
        {
            "partner" => "partners",
            "leadtype" => "lead type",
            var w => w,
        };
        var verb = All.First(v => v.Words == words);
        var field = PlanForm().Fields.First(f => f.Id == verb.FieldId);
        var text = match.Groups["value"].Value.Trim();
        if (text.Length == 0)
        {
            return $"What should the {verb.Words} be? Try \"action {id} {verb.Example}\", or \"action {id} {verb.Words} none\" to clear it.";
        }

        string? value = null;
        if (!Clear().IsMatch(text))
        {
            var typed = field.Type == FieldType.Choice ? ChoiceValue(field, text) ?? text : text.TrimStart('£');
            var check = FormValidator.Validate(PlanForm() with { Fields = [field] }, new Dictionary<string, string> { [field.Id] = typed });
            if (check.Errors.GetValueOrDefault(field.Id) is { } error)
            {
                var choices = field.Type == FieldType.Choice ? $" You can pick: {string.Join(", ", field.Choices.Select(c => c.Value))}." : string.Empty;
                return $"{error}{choices} Try \"action {id} {verb.Example}\".";
            }

            value = check.Values.GetValueOrDefault(field.Id);
        }

        var values = new Dictionary<string, string>(ActionPlanRows.PlanValues(action), StringComparer.Ordinal);
        values.Remove("lead");
        if (value is null)
        {
            values.Remove(field.Id);
        }
        else
        {
            values[field.Id] = value;
        }

        // Only the plan fields change here: a named lead is the plan's lead; the owner stays as "action 12 to @name" set it.
        var plainLead = verb.FieldId == "lead" ? value : action.Plan?.Lead;
        var changed = action.WithPlan(ActionPlanRows.PlanFields(values, plainLead), context.Turn.From, context.Now);
        if (!ActionChanges.Save(context, action, changed))
        {
            return $"Action {id}'s {verb.Words} is already {(value is null ? "empty" : Shown(field, value))}.";
        }

        var said = value is null
            ? $"Action {id} has no {verb.Words} in the plan now."
            : $"Action {id}'s {verb.Words} in the plan is now {Shown(field, value)}.";
        if (verb.FieldId == "lead" && value is not null && action.Owner is { } owner)
        {
            said += $" {owner.Name} still owns it; type \"action {id} to nobody\" if they don't.";
        }

        return said + $" Type \"action {id}\" to see it, or \"step 5\" for the whole action plan.";
    }

    private static FormDefinition PlanForm() => StepCatalogue.Get(ActionPlanRows.PlanStep).Form(ActionPlanRows.PlanForm)!;

    private static string Shown(FieldDefinition field, string value) => field.Type switch
    {
        FieldType.Choice => FieldDisplay.Show(field, value).ToLowerInvariant(),
        FieldType.Number => Computations.Pounds(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => ActionText.Quote(value),
    };

    /// <summary>The plan fields an action has, as facts for its card ("Priority: High", "Cost: £250").</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(ActionItem action)
    {
        if (action.Plan is null)
        {
            return [];
        }

        var values = ActionPlanRows.PlanValues(action);
        return PlanForm().Fields
            .Where(f => f.Id is not ("action" or "target" or "status") && !(f.Id == "lead" && action.Owner is not null) && values.ContainsKey(f.Id))
            .Select(f => (Label(f.Id), f.Type == FieldType.Number ? Computations.Pounds(decimal.Parse(values[f.Id], System.Globalization.CultureInfo.InvariantCulture)) : FieldDisplay.Show(f, values[f.Id])))
            .ToList();
    }

    private static string Label(string fieldId) => fieldId switch
    {
        "type" => "Lead type",
        "issue" => "Issue",
        "cost" => "Cost",
        "measure" => "Measure",
        var id => char.ToUpperInvariant(id[0]) + id[1..],
    };

    // A choice by its value ("short"), its title ("Short (within a year)") or the start of its title ("partnership").
    private static string? ChoiceValue(FieldDefinition field, string text)
    {
        var typed = text.Trim();
        var dashed = Regex.Replace(typed, @"\s+", "-");
        var exact = field.Choices.FirstOrDefault(c => string.Equals(c.Value, dashed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Title, typed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact.Value;
        }

        var starts = field.Choices.Where(c => c.Title.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return starts.Count == 1 ? starts[0].Value : null;
    }

    [GeneratedRegex(@"^(?:plan\s+)?(?<verb>issue|priority|lead[\s\-]*type|lead|partners?|cost|funding|theme|timescale|measure)\b\s*[:\-]?\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Part();

    [GeneratedRegex(@"^(?:none|clear|nothing|-)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clear();
}

/// <summary>One plan verb of <c>action 12 …</c>.</summary>
/// <param name="Words">What is typed after the number ("lead type").</param>
/// <param name="FieldId">The step-5 action plan form's field it sets.</param>
/// <param name="Example">An example of the rest of the message.</param>
internal sealed record PlanVerb(string Words, string FieldId, string Example);
