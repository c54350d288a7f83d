using System.Globalization;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// One action plan: the step-5 action plan form ("actions") and the step-8 progress form ("updates") show and
/// edit the group's <see cref="ActionItem"/> records, the same ones made in chat. Each action reads as a row
/// whose id is its number; these rows are never stored as form rows.
/// </summary>
public static class ActionPlanRows
{
    /// <summary>The step of the action plan form.</summary>
    public const int PlanStep = 5;

    /// <summary>The action plan form's id.</summary>
    public const string PlanForm = "actions";

    /// <summary>The step of the progress form.</summary>
    public const int UpdateStep = 8;

    /// <summary>The progress form's id.</summary>
    public const string UpdateForm = "updates";

    /// <summary>Most actions a list card or a choice of actions shows (the newest).</summary>
    public const int MaxShown = 100;

    /// <summary>True for the two forms whose rows are actions.</summary>
    public static bool IsActionForm(int step, string? formId) =>
        (step == PlanStep && string.Equals(formId, PlanForm, StringComparison.Ordinal))
        || (step == UpdateStep && string.Equals(formId, UpdateForm, StringComparison.Ordinal));

    /// <summary>The row id of an action: its number.</summary>
    public static string RowId(int actionId) => actionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The action a row id (or a choice value) names, if it exists: its number, or, from a card drawn before the
    /// action plan rows became actions, the old row's id.
    /// </summary>
    public static ActionItem? Find(GroupState state, string? rowId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrEmpty(rowId))
        {
            return null;
        }

        return rowId.Length <= 5 && int.TryParse(rowId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? state.Find<ActionItem>(ActionItem.KeyFor(id))
            : state.Actions().FirstOrDefault(a => string.Equals(a.SourceRowId, rowId, StringComparison.Ordinal));
    }

    /// <summary>Every action as a row of the form, in number order.</summary>
    public static IReadOnlyList<FormRow> Rows(GroupState state, int step, string formId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = step == PlanStep;
        return state.Actions()
            .Select(a => new FormRow(step, formId, RowId(a.Id), plan ? PlanValues(a) : UpdateValues(a), a.History.Count > 0 ? a.History[^1].By : a.CreatedBy, a.History.Count > 0 ? a.History[^1].At : a.CreatedAt))
            .ToList();
    }

    /// <summary>An action as the action plan form shows it.</summary>
    public static IReadOnlyDictionary<string, string> PlanValues(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var plan = action.Plan ?? ActionPlanChanges.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["action"] = action.Title };
        Add(values, "theme", plan.Theme);
        Add(values, "issue", plan.Issue);
        Add(values, "type", plan.LeadType);
        Add(values, "lead", action.Owner?.Name ?? plan.Lead);
        Add(values, "partners", plan.Partners);
        Add(values, "timescale", plan.Timescale);
        Add(values, "target", action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(values, "cost", plan.Cost?.ToString(CultureInfo.InvariantCulture));
        Add(values, "funding", plan.Funding);
        Add(values, "priority", plan.Priority);
        values["status"] = StatusValue(action.Status);
        Add(values, "measure", plan.Measure);
        return values;
    }

    /// <summary>An action as the progress form shows it (a note is always new, so none is shown).</summary>
    public static IReadOnlyDictionary<string, string> UpdateValues(ActionItem action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["action"] = RowId(action.Id),
            ["status"] = StatusValue(action.Status),
        };
        Add(values, "rag", action.Rag?.ToString().ToLowerInvariant());
        if (action.PercentComplete > 0)
        {
            values["percent"] = action.PercentComplete.ToString(CultureInfo.InvariantCulture);
        }

        Add(values, "nextReview", action.NextReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return values;
    }

    /// <summary>The plan fields of the action plan form's values (the lead only when it is not a member).</summary>
    public static ActionPlanFields PlanFields(IReadOnlyDictionary<string, string> values, string? lead)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ActionPlanFields
        {
            Theme = values.GetValueOrDefault("theme"),
            Issue = values.GetValueOrDefault("issue"),
            LeadType = values.GetValueOrDefault("type"),
            Lead = string.IsNullOrWhiteSpace(lead) ? null : lead.Trim(),
            Partners = values.GetValueOrDefault("partners"),
            Timescale = values.GetValueOrDefault("timescale"),
            Cost = Computations.Number(values, "cost"),
            Funding = values.GetValueOrDefault("funding"),
            Priority = values.GetValueOrDefault("priority"),
            Measure = values.GetValueOrDefault("measure"),
        };
    }

    /// <summary>A status as the forms store it: "not-started", "in-progress", "completed", "on-hold", "dropped".</summary>
    public static string StatusValue(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "not-started",
        ActionStatus.InProgress => "in-progress",
        ActionStatus.Completed => "completed",
        ActionStatus.OnHold => "on-hold",
        _ => "dropped",
    };

    /// <summary>
    /// The active member a named lead is: the one whose name matches in full (ignoring case), else the only one
    /// whose first name matches; null when none or more than one does.
    /// </summary>
    public static MemberRef? MemberNamed(GroupState state, string? name)
    {
        ArgumentNullException.ThrowIfNull(state);
        var wanted = name?.Trim().TrimStart('@').Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        var members = state.OfType<MemberRecord>().Where(m => m.Active).Select(m => m.Member).ToList();
        var full = members.Where(m => string.Equals(m.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (full.Count > 0)
        {
            return full.Count == 1 ? full[0] : null;
        }

        var first = members.Where(m => string.Equals(m.Name.Trim().Split(' ')[0], wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return first.Count == 1 && !wanted.Contains(' ', StringComparison.Ordinal) ? first[0] : null;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = value;
        }
    }
}
