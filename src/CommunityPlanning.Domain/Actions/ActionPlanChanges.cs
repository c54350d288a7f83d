using System.Globalization;

namespace CommunityPlanning.Domain.Actions;

/// <summary>Comparing two sets of <see cref="ActionPlanFields"/>: what changed, in the words an action's history uses.</summary>
public static class ActionPlanChanges
{
    /// <summary>Plan fields with nothing set.</summary>
    public static ActionPlanFields Empty { get; } = new();

    /// <summary>True when no plan field is set.</summary>
    public static bool IsEmpty(ActionPlanFields? plan) => plan is null || plan == Empty;

    /// <summary>
    /// Each changed field: short choices and the cost show old → new ("priority none → high"); text fields only
    /// say they changed, since they can be long.
    /// </summary>
    public static IReadOnlyList<string> Describe(ActionPlanFields before, ActionPlanFields after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Choice(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add($"{name} {a ?? "none"} → {b ?? "none"}");
            }
        }

        void Text(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(b is null ? $"{name} cleared" : $"{name} {(a is null ? "set" : "changed")}");
            }
        }

        Choice("theme", before.Theme, after.Theme);
        Text("issue", before.Issue, after.Issue);
        Choice("lead type", before.LeadType, after.LeadType);
        Text("lead", before.Lead, after.Lead);
        Text("partners", before.Partners, after.Partners);
        Choice("timescale", before.Timescale, after.Timescale);
        Choice("cost", Money(before.Cost), Money(after.Cost));
        Text("funding", before.Funding, after.Funding);
        Choice("priority", before.Priority, after.Priority);
        Text("measure", before.Measure, after.Measure);
        return changes;
    }

    private static string? Money(decimal? value) =>
        value is { } v ? "£" + v.ToString(decimal.Truncate(v) == v ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture) : null;
}
