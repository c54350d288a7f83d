using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Actions;

/// <summary>The buttons on action cards: Mark done, Change due date, Reassign, Reopen, and their forms.</summary>
public sealed class ActionButtons : ICardActionHandler
{
    /// <inheritdoc />
    public bool Handles(string verb) => verb is ActionVerbs.Show or ActionVerbs.Done or ActionVerbs.Reopen or ActionVerbs.DueForm
        or ActionVerbs.SetDue or ActionVerbs.ClearDue or ActionVerbs.OwnerForm or ActionVerbs.SetOwner or ActionVerbs.AddOwner or ActionVerbs.Cancel;

    /// <inheritdoc />
    public ValueTask RunAsync(TurnContext context, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        if (ActionChanges.Find(context, submission.Get(ActionVerbs.IdKey)) is not { } action)
        {
            context.Add(new Reply { Text = "I can't find that action any more. Type \"actions\" to see the open ones.", Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        if (submission.Verb is not (ActionVerbs.Show or ActionVerbs.Cancel) && ActionChanges.Refusal(context, action) is { } refusal)
        {
            context.Add(new Reply { Text = refusal, Mode = ReplyMode.Private });
            return ValueTask.CompletedTask;
        }

        switch (submission.Verb)
        {
            case ActionVerbs.Show:
                ActionCards.Show(context, ActionCards.Details(context, action, withHistory: true), action);
                break;
            case ActionVerbs.Cancel:
                // Back to the action as it is: the form was shown only to this person, in place of the card.
                context.Show(ActionCards.Details(context, action), ReplyMode.Private);
                break;
            case ActionVerbs.Done:
                ActionChanges.Complete(context, action);
                ShowUpdated(context, action);
                break;
            case ActionVerbs.Reopen:
                ActionChanges.Reopen(context, action);
                ShowUpdated(context, action);
                break;
            case ActionVerbs.DueForm:
                context.Show(ActionCards.DueForm(context, action), ReplyMode.Private);
                break;
            case ActionVerbs.SetDue:
                var text = submission.Inputs.GetValueOrDefault(ActionVerbs.DueKey) ?? submission.Get(ActionVerbs.DueKey);
                if (!PendingActions.TryDate(text, out var due))
                {
                    context.Show(ActionCards.DueForm(context, action, "Please pick a date."), ReplyMode.ReplaceSource);
                    break;
                }

                ActionChanges.SetDue(context, action, due);
                ShowUpdated(context, action);
                break;
            case ActionVerbs.ClearDue:
                ActionChanges.SetDue(context, action, null);
                ShowUpdated(context, action);
                break;
            case ActionVerbs.OwnerForm:
                context.Show(ActionCards.OwnerForm(context, action), ReplyMode.Private);
                break;
            case ActionVerbs.SetOwner:
                var picked = ActionVerbs.PickedOwner(submission.Inputs.GetValueOrDefault(ActionVerbs.OwnerKey));
                MemberRef? owner = null;
                if (!string.IsNullOrEmpty(picked))
                {
                    owner = context.State.Find<MemberRecord>(MemberRecord.KeyFor(picked))?.Member;
                    if (owner is null)
                    {
                        context.Show(ActionCards.OwnerForm(context, action, "I can't find that member any more. Please pick again."), ReplyMode.ReplaceSource);
                        break;
                    }
                }

                ActionChanges.SetOwner(context, action, owner);
                ShowUpdated(context, action);
                break;
            case ActionVerbs.AddOwner:
                // The person comes from the pending record the card names, never from the card itself.
                if (PendingActions.From(context, submission) is not { ActionId: { } forAction, Owner: { } newOwner } pending || forAction != action.Id)
                {
                    context.Add(new Reply { Text = $"That card has expired or was already answered. Type \"action {ActionText.Number(action.Id)} to @name\" again.", Mode = ReplyMode.Private });
                    break;
                }

                context.State.Remove(pending.Key);
                ActionChanges.SetOwner(context, action, newOwner);
                ShowUpdated(context, action);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void ShowUpdated(TurnContext context, ActionItem before) =>
        context.Show(ActionCards.Details(context, context.State.Find<ActionItem>(before.Key) ?? before), ReplyMode.ReplaceSource);
}
