using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>
/// Takes a pending action to creation: asks the next open question (no readable date, a date in the past,
/// an owner who is not a member), or creates the action once nothing is left to ask. While questions are open
/// the action waits in a <see cref="PendingActionRecord"/>, removed when it is created.
/// </summary>
internal static class ActionCreation
{
    public static void Continue(TurnContext context, PendingActionRecord pending, ReplyMode mode, MessageOrigin? origin = null)
    {
        var today = ActionText.Today(context);
        if (pending.Owner is { } mentioned)
        {
            switch (context.Turn.CheckOf(mentioned.Id))
            {
                // The channel confirmed they are in the conversation: no need to ask.
                case MentionCheck.InConversation:
                    pending = pending with { OwnerConfirmed = true };
                    break;
                case MentionCheck.NotInConversation:
                    context.State.Remove(pending.Key);
                    context.Say(NotInConversation(mentioned, pending));
                    return;
            }
        }

        Card? question = null;
        if (pending.AskDue)
        {
            question = DueQuestion(context, pending);
        }
        else if (pending.Due is { } due && due < today && !pending.PastConfirmed)
        {
            question = PastQuestion(context, pending, due);
        }
        else if (pending.Owner is { } owner && !IsMember(context, owner) && !pending.OwnerConfirmed)
        {
            question = OwnerQuestion(context, pending, owner);
        }

        if (question is null)
        {
            context.State.Remove(pending.Key);
            Create(context, pending, mode, origin);
            return;
        }

        // The question card carries only the record's id; the answers so far are kept here.
        PendingActionRecord.Keep(context.State, pending with { DueProblem = null }, context.Now);
        context.Show(question, mode);
    }

    public static bool IsMember(TurnContext context, MemberRef who) =>
        context.State.Find<MemberRecord>(MemberRecord.KeyFor(who.Id)) is { Active: true };

    public static string OwnerKey(TurnContext context, MemberRef owner) =>
        AssigneeKeys.For(context.Turn.Conversation.Channel, context.Turn.Conversation.Tenant, owner.Id);

    /// <summary>Adds someone to the group's members (as a plain member) if they are not there yet.</summary>
    public static void EnsureMember(TurnContext context, MemberRef who)
    {
        var existing = context.State.Find<MemberRecord>(MemberRecord.KeyFor(who.Id));
        if (existing is null)
        {
            context.State.Put(new MemberRecord(who, MemberRole.Member, context.Now));
        }
        else if (!existing.Active)
        {
            context.State.Put(existing with { Active = true });
        }
    }

    private static void Create(TurnContext context, PendingActionRecord pending, ReplyMode mode, MessageOrigin? origin)
    {
        // A second press of the same confirmation button finds the action the first press made.
        var existing = context.State.Actions().FirstOrDefault(a => string.Equals(a.SourceId, pending.Id, StringComparison.Ordinal));
        if (existing is not null)
        {
            context.Show(ActionCards.Details(context, existing), mode);
            return;
        }

        if (pending.Owner is { } owner)
        {
            EnsureMember(context, owner);
        }

        var id = ActionRules.TakeNextId(context.State);
        var action = ActionItem.Create(id, pending.Title, pending.Step, pending.CreatedBy, context.Now) with
        {
            Owner = pending.Owner,
            OwnerKey = pending.Owner is null ? null : OwnerKey(context, pending.Owner),
            Due = pending.Due,
            SourceId = pending.Id,
            FromMessageBy = origin?.By,
            FromMessageLink = origin?.Link,
        };
        context.State.Put(action);
        // An action made from a message quotes it, so the thread shows what it came from.
        var card = ActionCards.Details(context, action, quote: origin?.Quote);
        var note = pending.Owner is null
            ? "Nobody has this action yet. Press Assign to give it to someone."
            : pending.Due is null
                ? $"{pending.Owner.Name} has this action. It has no due date, so I won't send reminders."
                : $"{pending.Owner.Name} has this action. I'll remind them the day before it's due.";
        ActionCards.Show(context, card with { Subtitle = "New action", Blocks = [.. card.Blocks, new TextBlock(note, TextTone.Subtle)] }, action, mode);
    }

    /// <summary>What the group is told when the person mentioned is not in the conversation.</summary>
    public static string NotInConversation(MemberRef who, PendingActionRecord pending) =>
        $"{who.Name} isn't in this conversation, so I haven't made the action {ActionText.Quote(pending.Title)} and I haven't sent them anything. "
        + "Add them to the team or channel first and try again, or give the action to someone here: \"action @name what by when\".";

    private static Card DueQuestion(TurnContext context, PendingActionRecord pending)
    {
        var blocks = new List<CardBlock> { new TextBlock(Describe(pending)) };
        if (pending.DueProblem is { } problem)
        {
            blocks.Add(new TextBlock(problem, TextTone.Warning));
        }

        blocks.Add(new InputBlock(new InputField(ActionVerbs.DueKey, "Due date", FieldType.Date) { Required = true }));
        return new Card
        {
            Title = "When is it due?",
            Blocks = blocks,
            Actions =
            [
                new CardAction("Save", ActionVerbs.NewDue, PendingActions.ToData(context, pending)) { Style = ActionStyle.Positive, SubmitsInputs = true },
                new CardAction("No due date", ActionVerbs.NewNoDue, PendingActions.ToData(context, pending)),
                new CardAction("Cancel", ActionVerbs.NewCancel, PendingActions.ToData(context, pending)),
            ],
        };
    }

    private static Card PastQuestion(TurnContext context, PendingActionRecord pending, DateOnly due) => new()
    {
        Title = "That date has passed",
        Blocks =
        [
            new TextBlock(Describe(pending)),
            new TextBlock($"{ActionCards.Day(due)} is in the past. Keep it, or pick another date?", TextTone.Warning),
            new InputBlock(new InputField(ActionVerbs.DueKey, "New due date", FieldType.Date)),
        ],
        Actions =
        [
            new CardAction("Use the new date", ActionVerbs.NewDue, PendingActions.ToData(context, pending)) { Style = ActionStyle.Positive, SubmitsInputs = true },
            new CardAction($"Keep {ActionCards.Day(due)}", ActionVerbs.NewKeepDate, PendingActions.ToData(context, pending)),
            new CardAction("Cancel", ActionVerbs.NewCancel, PendingActions.ToData(context, pending)),
        ],
    };

    private static Card OwnerQuestion(TurnContext context, PendingActionRecord pending, MemberRef owner) => new()
    {
        Title = $"Is {owner.Name} in the group?",
        Blocks =
        [
            new TextBlock(Describe(pending)),
            new TextBlock($"{owner.Name} isn't on my list of this group's members yet. Add them and give them the action, or pick a member instead.", TextTone.Warning),
            new InputBlock(ActionCards.MemberChoice(context, null)),
        ],
        Actions =
        [
            new CardAction($"Add {owner.Name}", ActionVerbs.NewAddOwner, PendingActions.ToData(context, pending)) { Style = ActionStyle.Positive },
            new CardAction("Give it to the member picked", ActionVerbs.NewPickOwner, PendingActions.ToData(context, pending)) { SubmitsInputs = true },
            new CardAction("Cancel", ActionVerbs.NewCancel, PendingActions.ToData(context, pending)),
        ],
    };

    private static string Describe(PendingActionRecord pending)
    {
        var who = pending.Owner is null ? string.Empty : $" for {pending.Owner.Name}";
        return $"New action{who}: {ActionText.Quote(pending.Title)}";
    }
}
