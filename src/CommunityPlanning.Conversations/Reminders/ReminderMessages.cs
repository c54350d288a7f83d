using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Reminders;

/// <summary>What reminders and digests say.</summary>
public static class ReminderMessages
{
    /// <summary>A reminder to an action's owner, privately.</summary>
    public static Reply ToOwner(ReminderKind kind, ActionItem action, string? groupName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Reply.Say(Body(kind, action, groupName, today));
    }

    /// <summary>The same reminder posted in the group, mentioning the owner (when they can't be reached privately).</summary>
    /// <remarks>
    /// With <paramref name="explainPrivate"/> (the first time for this person in this group) it also says why the
    /// reminder is here and how they can get them privately; later reminders don't repeat it.
    /// </remarks>
    public static Reply InGroup(ReminderKind kind, ActionItem action, MemberRef owner, DateOnly today, bool explainPrivate = false)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = $"{MentionText.Token(0)}, {Lower(Body(kind, action, null, today))}";
        return new Reply { Text = explainPrivate ? $"{text} {PrivateRefused}" : text, Mentions = [owner] };
    }

    /// <summary>Said once per person in a group when the bot can't message them privately.</summary>
    public const string PrivateRefused =
        "I couldn't send you this privately, so I'll post your reminders here. To get them privately, add PlanBot for yourself: "
        + "in Teams, open Apps, search for PlanBot and choose Add; in Slack, open PlanBot under Apps and send it a message.";

    /// <summary>The Monday digest: the group's open actions by owner, and a survey closing soon (<paramref name="surveyReminder"/>).</summary>
    public static Reply Digest(IReadOnlyList<ActionItem> open, DateOnly today, string? surveyReminder = null)
    {
        var list = ActionCards.List(open, today);
        CardBlock[] survey = surveyReminder is null ? [] : [new TextBlock(surveyReminder)];
        return Reply.Show(list with
        {
            Title = "This week's actions",
            Blocks = [.. list.Blocks, .. survey, new TextBlock("I post this every Monday at 9am. Type \"digest off\" to stop it.", TextTone.Subtle)],
        });
    }

    private static string Body(ReminderKind kind, ActionItem action, string? groupName, DateOnly today)
    {
        var id = ActionText.Number(action.Id);
        var due = action.Due ?? today;
        var where = groupName is { Length: > 0 } ? $" for {groupName}" : string.Empty;
        return kind == ReminderKind.Overdue
            ? $"Action {id}{where}, {ActionText.Quote(action.Title)}, was due {UkDateFormat.Day(due)} and isn't marked done yet. If it's finished, type \"done {id}\" in the group's chat. If the plan has changed, give it a new date: \"action {id} due next Friday\"."
            : $"Reminder: action {id}{where}, {ActionText.Quote(action.Title)}, is due {UkDateFormat.Relative(due, today)} ({UkDateFormat.Day(due)}). When it's done, type \"done {id}\" in the group's chat.";
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
