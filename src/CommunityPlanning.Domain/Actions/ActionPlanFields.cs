namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// What the action plan (step 5) says about an action beyond its title, owner, due date and status:
/// the issue it answers, who leads it, partners, money and priority. Every action can carry these; an
/// action made in chat has none until the group links it to the plan.
/// </summary>
/// <remarks>The choice values are the step-5 form's option values ("community", "short", "high"…).</remarks>
public sealed record ActionPlanFields
{
    /// <summary>The theme (a <c>ChoiceLists.Themes</c> value), if set.</summary>
    public string? Theme { get; init; }

    /// <summary>The issue or evidence it answers, in the group's words.</summary>
    public string? Issue { get; init; }

    /// <summary>Who leads it: community, partnership, agency or lobbying.</summary>
    public string? LeadType { get; init; }

    /// <summary>The named lead when it is not a member of the group (a member lead is the action's owner).</summary>
    public string? Lead { get; init; }

    /// <summary>Partners who have agreed.</summary>
    public string? Partners { get; init; }

    /// <summary>Short, medium or long.</summary>
    public string? Timescale { get; init; }

    /// <summary>The cost estimate in pounds.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Where the money comes from.</summary>
    public string? Funding { get; init; }

    /// <summary>High, medium or low.</summary>
    public string? Priority { get; init; }

    /// <summary>How the group will know it worked.</summary>
    public string? Measure { get; init; }
}
