namespace CommunityPlanning.Domain.Forms;

/// <summary>Whether a computed value belongs to each row or to the whole form.</summary>
public enum ComputedScope
{
    /// <summary>Worked out from one row's values (a survey's response rate).</summary>
    Row,

    /// <summary>Worked out across the form's rows or the wider plan (budget total, outstanding actions).</summary>
    Form,
}

/// <summary>
/// A value people see but never type, worked out from what the group has recorded. Shown on form cards
/// and in summaries.
/// </summary>
/// <param name="FormId">The form it is shown with.</param>
/// <param name="Id">Stable id, unique in its form.</param>
/// <param name="Label">What it is called on cards.</param>
/// <param name="Scope">Per row or for the whole form.</param>
/// <param name="Compute">Returns the text to show, or null when there is not enough to work it out yet.</param>
public sealed record ComputedValue(string FormId, string Id, string Label, ComputedScope Scope, Func<ComputedInput, string?> Compute);

/// <summary>What a computed value may look at.</summary>
/// <param name="Row">For a row value: the row's values. For a form value: empty.</param>
/// <param name="Rows">Every row of the form (one for a single form), in order.</param>
/// <param name="Lookup">Reads other forms' rows: (step, form id) → their rows, in order.</param>
public sealed record ComputedInput(
    IReadOnlyDictionary<string, string> Row,
    IReadOnlyList<RowValues> Rows,
    Func<int, string, IReadOnlyList<RowValues>> Lookup)
{
    /// <summary>Every action of the group (the action plan and chat actions are one list), in number order.</summary>
    public IReadOnlyList<Actions.ActionItem> Actions { get; init; } = [];
}

/// <summary>One stored row's id and values.</summary>
/// <param name="RowId">The row's id (<c>main</c> for a single form).</param>
/// <param name="Values">The values by field id.</param>
public sealed record RowValues(string RowId, IReadOnlyDictionary<string, string> Values);
