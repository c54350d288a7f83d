using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>
/// Converts what groups stored before the action plan and chat actions were one list: step-5 "actions" form rows
/// become <see cref="ActionItem"/>s (numbered from the group's action sequence, remembering the row they came
/// from in <see cref="ActionItem.SourceRowId"/>), step-8 "updates" rows are applied to them in date order (the
/// latest update wins, as before) and removed, and step-8 funding and step-9 outcome rows that named a row
/// name the action's number instead. Each conversion removes the rows it converted in the same save, so a
/// converted row is never converted again; two instances converting at once both take the same action number
/// and the same sequence, so one save fails on its ETags and that turn runs again from the converted state.
/// </summary>
public static class LegacyActionPlan
{
    private const string FundingForm = "funding";
    private const string OutcomesForm = "outcomes";
    private const int OutcomesStep = 9;

    /// <summary>True when anything stored in the old shape is still to convert.</summary>
    public static bool IsPending(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Work(state).Sources().Any();
    }

    /// <summary>
    /// Converts as much as fits in <paramref name="maxOperations"/> record changes (at least one source row's
    /// worth), into <paramref name="state"/>. Returns how many records it changed.
    /// </summary>
    /// <param name="state">The group as loaded.</param>
    /// <param name="ownerKey">The cross-group key of a member who becomes an owner.</param>
    /// <param name="maxOperations">Most records to change.</param>
    public static int Convert(GroupState state, Func<MemberRef, string> ownerKey, int maxOperations)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ownerKey);
        var work = new Work(state);
        var ops = 0;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var sequenceTaken = false;
        bool Fits(int cost) => ops == 0 || ops + cost <= maxOperations;

        foreach (var source in work.Sources())
        {
            var action = work.Converted.GetValueOrDefault(source);
            if (work.Legacy.TryGetValue(source, out var row))
            {
                if (action is null)
                {
                    var cost = 2 + (sequenceTaken ? 0 : 1);
                    if (!Fits(cost))
                    {
                        return ops;
                    }

                    action = FromRow(state, row, ownerKey);
                    state.Put(action);
                    touched.Add(action.Key);
                    sequenceTaken = true;
                    ops += cost;
                }
                else
                {
                    ops++;
                }

                state.Remove(row.Key);
            }

            foreach (var link in work.LinksTo(source))
            {
                if (!Fits(1))
                {
                    return ops;
                }

                state.Put(link with { Values = new Dictionary<string, string>(link.Values, StringComparer.Ordinal) { ["action"] = ActionPlanRows.RowId(action!.Id) } });
                ops++;
            }

            foreach (var update in work.UpdatesOf(source))
            {
                var cost = touched.Contains(action!.Key) ? 1 : 2;
                if (!Fits(cost))
                {
                    return ops;
                }

                action = Apply(action, update);
                state.Put(action);
                touched.Add(action.Key);
                state.Remove(update.Key);
                ops += cost;
            }
        }

        return ops;
    }

    private static ActionItem FromRow(GroupState state, FormRow row, Func<MemberRef, string> ownerKey)
    {
        var id = ActionRules.TakeNextId(state);
        var title = row.Values.GetValueOrDefault("action") is { Length: > 0 } t ? t : "Action from the action plan";
        var action = ActionItem.Create(id, title, ActionPlanRows.PlanStep, row.UpdatedBy, row.UpdatedAt) with { SourceRowId = row.RowId };
        return ActionPlanEdit.ApplyPlan(state, action, row.Values, ownerKey, row.UpdatedBy, row.UpdatedAt);
    }

    private static ActionItem Apply(ActionItem action, FormRow update)
    {
        var values = new Dictionary<string, string>(update.Values, StringComparer.Ordinal);
        // The update's own date is kept with its note when it was written on another day.
        if (values.GetValueOrDefault("note") is { Length: > 0 } note
            && Computations.Date(update.Values, "updated") is { } day
            && day != ReminderSchedule.LondonDate(update.UpdatedAt))
        {
            values["note"] = $"Update of {UkDateFormat.Day(day)}: {note}";
        }

        return ActionPlanEdit.ApplyUpdate(action, values, update.UpdatedBy, update.UpdatedAt);
    }

    /// <summary>The old-shape records of a group, indexed by the action plan row they belong to.</summary>
    private sealed class Work
    {
        private readonly List<(FormRow Row, string Target)> _updates;
        private readonly List<FormRow> _links;

        public Work(GroupState state)
        {
            Legacy = state.WithPrefix<FormRow>(FormRow.PrefixFor(ActionPlanRows.PlanStep, ActionPlanRows.PlanForm))
                .ToDictionary(r => r.RowId, StringComparer.Ordinal);
            Converted = new Dictionary<string, ActionItem>(StringComparer.Ordinal);
            foreach (var action in state.Actions().Where(a => a.SourceRowId is not null))
            {
                Converted.TryAdd(action.SourceRowId!, action);
            }

            // Rows are in the order they were added; a later date wins, and on the same date the later row.
            _updates = state.WithPrefix<FormRow>(FormRow.PrefixFor(ActionPlanRows.UpdateStep, ActionPlanRows.UpdateForm))
                .Select((u, order) => (Update: u, Order: order, Day: Computations.Date(u.Values, "updated") ?? DateOnly.MinValue))
                .OrderBy(x => x.Day)
                .ThenBy(x => x.Order)
                .Select(x => (x.Update, x.Update.Values.GetValueOrDefault("action") ?? string.Empty))
                .Where(x => Known(x.Item2))
                .ToList();
            _links = state.WithPrefix<FormRow>(FormRow.PrefixFor(ActionPlanRows.UpdateStep, FundingForm))
                .Concat(state.WithPrefix<FormRow>(FormRow.PrefixFor(OutcomesStep, OutcomesForm)))
                .Where(r => Known(r.Values.GetValueOrDefault("action")))
                .ToList();
        }

        public Dictionary<string, FormRow> Legacy { get; }

        public Dictionary<string, ActionItem> Converted { get; }

        /// <summary>The action plan rows with something to convert, in the order they were added.</summary>
        public IEnumerable<string> Sources() =>
            Legacy.Keys
                .Concat(_updates.Select(u => u.Target))
                .Concat(_links.Select(l => l.Values["action"]))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();

        public IEnumerable<FormRow> UpdatesOf(string source) =>
            _updates.Where(u => string.Equals(u.Target, source, StringComparison.Ordinal)).Select(u => u.Row).ToList();

        public IEnumerable<FormRow> LinksTo(string source) =>
            _links.Where(l => string.Equals(l.Values["action"], source, StringComparison.Ordinal)).ToList();

        // Updates, funding and outcomes that name no row that ever existed are left as they are (they never counted).
        private bool Known(string? rowId) => rowId is not null && (Legacy.ContainsKey(rowId) || Converted.ContainsKey(rowId));
    }
}
