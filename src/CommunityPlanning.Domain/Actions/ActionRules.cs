using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Surveys;

namespace CommunityPlanning.Domain.Actions;

/// <summary>Pure rules about actions: overdue, due soon, the order lists show them in, and numbering.</summary>
public static class ActionRules
{
    /// <summary>How many days ahead counts as "due soon".</summary>
    public const int DueSoonDays = 3;

    /// <summary>The sequence that numbers actions.</summary>
    public const string SequenceName = "action";

    /// <summary>Open and its due date has passed (London today).</summary>
    public static bool IsOverdue(this ActionItem action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.IsOpen && action.Due is { } due && due < today;
    }

    /// <summary>Open and due today or within <see cref="DueSoonDays"/> days.</summary>
    public static bool IsDueSoon(this ActionItem action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.IsOpen && action.Due is { } due && due >= today && due.DayNumber - today.DayNumber <= DueSoonDays;
    }

    /// <summary>Overdue first, then by due date, undated last; ties by number.</summary>
    public static IEnumerable<ActionItem> InListOrder(this IEnumerable<ActionItem> actions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions
            .OrderBy(a => a.IsOverdue(today) ? 0 : 1)
            .ThenBy(a => a.Due is null ? 1 : 0)
            .ThenBy(a => a.Due ?? DateOnly.MaxValue)
            .ThenBy(a => a.Id);
    }

    /// <summary>Every action of the group, in number order.</summary>
    public static IEnumerable<ActionItem> Actions(this GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.WithPrefix<ActionItem>(ActionItem.Prefix);
    }

    /// <summary>The group's open actions, in list order.</summary>
    public static IReadOnlyList<ActionItem> OpenActions(this GroupState state, DateOnly today) =>
        state.Actions().Where(a => a.IsOpen).InListOrder(today).ToList();

    /// <summary>
    /// Whether the group wants its Monday digest booked: it is on, and there are open actions or a survey still to
    /// close (the digest reminds the group in a survey's last fortnight).
    /// </summary>
    public static bool WantsDigest(this GroupState state, DateOnly today) =>
        state.Find<PlanRecord>(PlanRecord.Kind) is { DigestEnabled: true }
        && (state.Actions().Any(a => a.IsOpen) || SurveyProgress.For(state, today).ClosesOn is not null);

    /// <summary>
    /// Takes the next action number and puts the advanced sequence into <paramref name="state"/>, so the
    /// number is claimed in the same atomic save as the action.
    /// </summary>
    public static int TakeNextId(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = SequenceRecord.KeyFor(SequenceName);
        var last = state.Find<SequenceRecord>(key)?.Last ?? 0;
        var highest = state.Actions().Select(a => a.Id).DefaultIfEmpty(0).Max();
        var next = Math.Max(last, highest) + 1;
        if (next > ActionItem.MaxId)
        {
            throw new InvalidOperationException("This group has used every action number.");
        }

        state.Put(new SequenceRecord(SequenceName, next));
        return next;
    }
}
