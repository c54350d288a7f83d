using System.Globalization;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Drafting;

/// <summary>One action as the action plan shows it: every column as people read it ("" when not set).</summary>
/// <param name="Number">The action's number in the group.</param>
/// <param name="Action">What will be done.</param>
/// <param name="Theme">The theme's title.</param>
/// <param name="Issue">The issue or evidence it answers.</param>
/// <param name="Lead">Who leads it: the owner, else the named lead.</param>
/// <param name="LeadType">Community-led, partnership, agency-led or lobbying.</param>
/// <param name="Partners">Partners who have agreed.</param>
/// <param name="When">The target date ("Fri 14 Mar 2025"), else the timescale.</param>
/// <param name="Cost">The cost estimate ("£1,250").</param>
/// <param name="Funding">Where the money comes from.</param>
/// <param name="Priority">High, Medium or Low.</param>
/// <param name="Status">Where it has got to.</param>
/// <param name="Measure">How the group will know it worked.</param>
/// <param name="FromMessage">"From a message by …" when the action was made from a message, else "".</param>
/// <param name="MessageLink">A link to that message, when the channel gave one.</param>
public sealed record ActionPlanRow(
    int Number,
    string Action,
    string Theme,
    string Issue,
    string Lead,
    string LeadType,
    string Partners,
    string When,
    string Cost,
    string Funding,
    string Priority,
    string Status,
    string Measure,
    string FromMessage = "",
    Uri? MessageLink = null);

/// <summary>The action plan: every action of the group, in number order, with its plan fields where set.</summary>
public static class ActionPlanTable
{
    /// <summary>The columns, as the document and the CSV head them.</summary>
    public static IReadOnlyList<string> Headings { get; } =
        ["No.", "Action", "Theme", "Issue", "Lead", "Type of lead", "Partners", "When", "Cost", "Funding", "Priority", "Status", "How we'll know it worked", "From a message", "Message link"];

    private static readonly FormDefinition PlanForm = StepCatalogue.Get(5).Forms.First(f => f.Id == "actions");

    /// <summary>Every action of the group as a row, in number order.</summary>
    public static IReadOnlyList<ActionPlanRow> Rows(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<ActionItem>(ActionItem.Prefix).OrderBy(a => a.Id).Select(Row).ToList();
    }

    /// <summary>One action as a row.</summary>
    public static ActionPlanRow Row(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var plan = action.Plan ?? new ActionPlanFields();
        var when = action.Due is { } due ? UkDateFormat.Day(due) : Choice("timescale", plan.Timescale);
        return new ActionPlanRow(
            action.Id,
            action.Title,
            Choice("theme", plan.Theme),
            plan.Issue ?? string.Empty,
            action.Owner?.Name ?? plan.Lead ?? string.Empty,
            Choice("type", plan.LeadType),
            plan.Partners ?? string.Empty,
            when,
            plan.Cost is { } cost ? Computations.Pounds(cost) : string.Empty,
            plan.Funding ?? string.Empty,
            Choice("priority", plan.Priority),
            action.Status.Title(),
            plan.Measure ?? string.Empty,
            action.FromMessageBy is { Length: > 0 } by ? $"From a message by {by}" : string.Empty,
            action.FromMessageLink);
    }

    /// <summary>A row's cells, in <see cref="Headings"/> order.</summary>
    public static IReadOnlyList<string> Cells(ActionPlanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Number.ToString(CultureInfo.InvariantCulture), row.Action, row.Theme, row.Issue, row.Lead, row.LeadType, row.Partners,
            row.When, row.Cost, row.Funding, row.Priority, row.Status, row.Measure, row.FromMessage, row.MessageLink?.AbsoluteUri ?? string.Empty,
        ];
    }

    // The step-5 form's own titles for its choice values, so the plan reads as the form did.
    private static string Choice(string fieldId, string? value) =>
        value is null || PlanForm.Field(fieldId) is not { } field ? value ?? string.Empty : FieldDisplay.Show(field, value);
}
