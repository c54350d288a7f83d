using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>Changes to existing actions, shared by typed commands and card buttons. Every change goes into the action's history.</summary>
internal static class ActionChanges
{
    public static ActionItem? Find(TurnContext context, string? idText) =>
        int.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? context.State.Find<ActionItem>(ActionItem.KeyFor(id))
            : null;

    /// <summary>
    /// Why this person may not change the action's status, owner or due date (see <see cref="RoleRules.MayChangeAction"/>),
    /// or null when they may.
    /// </summary>
    public static string? Refusal(TurnContext context, ActionItem action)
    {
        if (RoleRules.MayChangeAction(context.State, context.Turn.From.Id, action))
        {
            return null;
        }

        return $"Action {ActionText.Number(action.Id)} is {ActionText.Owner(action.Owner)}'s, so only they, {action.CreatedBy.Name} who added it, or {RoleRules.OfficerWords} can change it. "
            + $"You can add a note with \"action {ActionText.Number(action.Id)} note …\".";
    }

    /// <summary>Puts the changed action, when it changed; returns whether it did.</summary>
    public static bool Save(TurnContext context, ActionItem before, ActionItem after)
    {
        if (ReferenceEquals(before, after))
        {
            return false;
        }

        context.State.Put(after);
        return true;
    }

    public static string Complete(TurnContext context, ActionItem action)
    {
        if (!action.IsOpen)
        {
            return $"Action {ActionText.Number(action.Id)} is already {action.Status.Title().ToLowerInvariant()}.";
        }

        Save(context, action, action.WithStatus(ActionStatus.Completed, context.Turn.From, context.Now));
        return $"Done: action {ActionText.Number(action.Id)}, {ActionText.Quote(action.Title)}. Well done{(action.Owner is { } owner ? $", {owner.Name}" : string.Empty)}!";
    }

    public static string SetStatus(TurnContext context, ActionItem action, ActionStatus status)
    {
        var changed = action.WithStatus(status, context.Turn.From, context.Now);
        return Save(context, action, changed)
            ? $"Action {ActionText.Number(action.Id)} is now {status.Title().ToLowerInvariant()}."
            : $"Action {ActionText.Number(action.Id)} is already {status.Title().ToLowerInvariant()}.";
    }

    public static string Reopen(TurnContext context, ActionItem action)
    {
        if (action.IsOpen)
        {
            return $"Action {ActionText.Number(action.Id)} is still open.";
        }

        var status = action.PercentComplete > 0 ? ActionStatus.InProgress : ActionStatus.NotStarted;
        Save(context, action, action.WithStatus(status, context.Turn.From, context.Now));
        return $"Action {ActionText.Number(action.Id)} is open again.";
    }

    public static string SetDue(TurnContext context, ActionItem action, DateOnly? due)
    {
        var changed = action.WithDue(due, context.Turn.From, context.Now);
        if (!Save(context, action, changed))
        {
            return due is null
                ? $"Action {ActionText.Number(action.Id)} has no due date already."
                : $"Action {ActionText.Number(action.Id)} is already due {ActionCards.Day(due.Value)}.";
        }

        return due is null
            ? $"Action {ActionText.Number(action.Id)} has no due date now (it was {ActionItem.DueText(action.Due)})."
            : $"Action {ActionText.Number(action.Id)} is now due {ActionCards.Day(due.Value)} (it was {ActionItem.DueText(action.Due)}).";
    }

    public static Reply SetOwner(TurnContext context, ActionItem action, MemberRef? owner)
    {
        if (owner is not null)
        {
            ActionCreation.EnsureMember(context, owner);
        }

        var key = owner is null ? null : ActionCreation.OwnerKey(context, owner);
        if (!Save(context, action, action.WithOwner(owner, key, context.Turn.From, context.Now)))
        {
            return Named($"{MentionText.Token(0)} already has action {ActionText.Number(action.Id)}.", owner);
        }

        return owner is null
            ? Reply.Say($"Action {ActionText.Number(action.Id)} isn't assigned to anyone now.")
            : Named($"Action {ActionText.Number(action.Id)} is now {MentionText.Token(0)}'s (it was {MentionText.Token(1)}'s).", owner, action.Owner);
    }

    /// <summary>
    /// Asks before giving an action to someone who is not a member yet. The person (from a mention, which the
    /// channel vouches for) waits in a pending record; the card carries only its id.
    /// </summary>
    public static Card ConfirmNewOwner(TurnContext context, ActionItem action, MemberRef owner)
    {
        var pending = new PendingActionRecord(PendingActionRecord.NewId(), action.Title, owner, action.Due, action.Step, context.Turn.From, context.Now)
        {
            ActionId = action.Id,
        };
        PendingActionRecord.Keep(context.State, pending, context.Now);
        return new Card
        {
            Title = $"Is {owner.Name} in the group?",
            Blocks =
            [
                new TextBlock($"Action {ActionText.Number(action.Id)}: {action.Title}"),
                new TextBlock($"{owner.Name} isn't on my list of this group's members yet. Add them and give them the action, or pick a member instead.", TextTone.Warning),
            ],
            Actions =
            [
                new CardAction($"Add {owner.Name}", ActionVerbs.AddOwner, PendingActions.ToData(context, pending, (ActionVerbs.IdKey, ActionText.Number(action.Id)))) { Style = ActionStyle.Positive },
                new CardAction("Pick a member", ActionVerbs.OwnerForm, context.Data((ActionVerbs.IdKey, ActionText.Number(action.Id)))),
            ],
        };
    }

    /// <summary>Asks before setting a due date that has passed.</summary>
    public static Card ConfirmPastDue(TurnContext context, ActionItem action, DateOnly due)
    {
        var id = ActionText.Number(action.Id);
        return new Card
        {
            Title = "That date has passed",
            Blocks =
            [
                new TextBlock($"Action {id}: {action.Title}"),
                new TextBlock($"{ActionCards.Day(due)} is in the past. Use it anyway, or pick another date?", TextTone.Warning),
            ],
            Actions =
            [
                new CardAction($"Use {ActionCards.Day(due)}", ActionVerbs.SetDue, context.Data((ActionVerbs.IdKey, id), (ActionVerbs.DueKey, ActionCards.InputDate(due)))),
                new CardAction("Pick another date", ActionVerbs.DueForm, context.Data((ActionVerbs.IdKey, id))) { Style = ActionStyle.Positive },
            ],
        };
    }

    public static void Say(TurnContext context, string text, ReplyMode mode = ReplyMode.New) =>
        context.Add(new Reply { Text = text, Mode = mode });

    // Owners named by token: Slack shows a member as <@U…>, Teams the plain name; nobody shows "Nobody yet".
    private static Reply Named(string text, params MemberRef?[] people)
    {
        var mentions = new List<MemberRef>();
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            if (person is null)
            {
                text = text.Replace(MentionText.Token(i), ActionText.Owner(null), StringComparison.Ordinal);
                continue;
            }

            text = text.Replace(MentionText.Token(i), MentionText.Token(mentions.Count), StringComparison.Ordinal);
            mentions.Add(person);
        }

        return new Reply { Text = text, Mentions = mentions, NamesOnly = true };
    }
}
