using System.Globalization;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>How actions read in messages: numbers, due dates, owners, steps.</summary>
internal static class ActionText
{
    public static DateOnly Today(TurnContext context) => ReminderSchedule.LondonDate(context.Now);

    public static string Number(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Quote(string title) => $"\u201C{title}\u201D";

    public static string Owner(MemberRef? owner) => owner?.Name ?? "Nobody yet";

    public static string Due(DateOnly? due, DateOnly today, bool open = true) => due switch
    {
        null => "No due date",
        { } d when open && d < today => $"{UkDateFormat.Day(d)} (overdue)",
        { } d when open && (d == today || d == today.AddDays(1)) => $"{UkDateFormat.Day(d)} ({UkDateFormat.Relative(d, today)})",
        { } d => UkDateFormat.Day(d),
    };

    public static string Step(int step) =>
        StepCatalogue.IsValid(step) ? $"{Number(step)}: {StepCatalogue.Get(step).Title}" : Number(step);

    public static string Summary(ActionItem action, DateOnly today)
    {
        var parts = new List<string> { Due(action.Due, today, action.IsOpen) };
        if (action.Status != ActionStatus.NotStarted)
        {
            parts.Add(action.Status.Title());
        }

        if (action.PercentComplete > 0 && action.IsOpen)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{action.PercentComplete}%"));
        }

        if (action.Rag is { } rag)
        {
            parts.Add(rag.Title());
        }

        return string.Join(" · ", parts);
    }

    public static string NotFound(int id) =>
        $"I can't find action {Number(id)} in this group. Type \"actions\" to see the open ones.";
}
