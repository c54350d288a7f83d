namespace CommunityPlanning.Domain.Drafting;

/// <summary>One section of the plan document: its stable id, its heading, and what it is about.</summary>
/// <param name="Id">The stable id, used in keys and cards (e.g. <c>vision</c>).</param>
/// <param name="Title">The heading, as the document shows it.</param>
/// <param name="About">One sentence saying what goes in it.</param>
/// <param name="Words">Other words people may type for it ("plan section people").</param>
public sealed record PlanSectionDefinition(string Id, string Title, string About, IReadOnlyList<string> Words);

/// <summary>The plan's sections, in the order the document shows them.</summary>
public static class PlanSections
{
    /// <summary>About our community (from the step-3 profile).</summary>
    public const string Community = "community";

    /// <summary>How we asked people (step 4's events and surveys).</summary>
    public const string Consultation = "consultation";

    /// <summary>What people told us (step 4's issues by theme).</summary>
    public const string Findings = "findings";

    /// <summary>Our vision and priorities (step 5's vision and ranking).</summary>
    public const string Vision = "vision";

    /// <summary>The action plan (the group's actions, as a table).</summary>
    public const string Actions = "actions";

    /// <summary>Monitoring and review (steps 8 and 9).</summary>
    public const string Monitoring = "monitoring";

    /// <summary>Thanks.</summary>
    public const string Thanks = "thanks";

    /// <summary>The longest text a section takes (what one Slack input can hold).</summary>
    public const int MaxTextLength = 3000;

    /// <summary>Every section, in document order.</summary>
    public static IReadOnlyList<PlanSectionDefinition> All { get; } =
    [
        new(Community, "About our community", "Who lives here and what the place is like, from step 3's community profile.", ["about", "about our community", "profile", "our community"]),
        new(Consultation, "How we asked people", "The events and surveys of step 4: when, how many came, and the response rate.", ["how we asked people", "asking", "consulting", "survey", "surveys"]),
        new(Findings, "What people told us", "The issues people raised in step 4, by theme, with how much support each had.", ["what people told us", "issues", "evidence", "results"]),
        new(Vision, "Our vision and priorities", "The vision and the ranked priorities of step 5.", ["our vision and priorities", "priorities", "our vision"]),
        new(Actions, "The action plan", "What will be done, who leads it, partners, when, cost, funding and priority.", ["the action plan", "action plan", "action"]),
        new(Monitoring, "Monitoring and review", "How progress will be checked and reported (step 8) and when the plan is reviewed (step 9).", ["monitoring and review", "review", "monitor"]),
        new(Thanks, "Thanks", "Thanks to everyone who helped make the plan.", ["thank you", "acknowledgements"]),
    ];

    /// <summary>The section with this id, or null.</summary>
    public static PlanSectionDefinition? ById(string? id) =>
        All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The section people mean: its id, title, one of its words, or its number in the list (1 to 7);
    /// case and spaces do not matter. Null when nothing matches.
    /// </summary>
    public static PlanSectionDefinition? Find(string? text)
    {
        var wanted = string.Join(' ', (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim('"', '\'', '“', '”');
        if (wanted.Length == 0)
        {
            return null;
        }

        if (int.TryParse(wanted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= All.Count ? All[n - 1] : null;
        }

        return All.FirstOrDefault(s =>
            string.Equals(s.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Title, wanted, StringComparison.OrdinalIgnoreCase)
            || s.Words.Any(w => string.Equals(w, wanted, StringComparison.OrdinalIgnoreCase)));
    }
}
