using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// Sends a turn to the code that handles it: card actions by verb, messages to a command or an open
/// prompt, and events to every handler that wants them. Built once; holds no per-turn state.
/// </summary>
public sealed class TurnRouter(
    IEnumerable<ICommand> commands,
    IEnumerable<ICardActionHandler> actionHandlers,
    IEnumerable<IConversationEventHandler> eventHandlers,
    IEnumerable<IDialogContinuation> dialogs,
    IEnumerable<INotUnderstoodHint> hints)
{
    private readonly ICommand[] _commands = commands.ToArray();
    private readonly ICardActionHandler[] _actions = actionHandlers.ToArray();
    private readonly IConversationEventHandler[] _events = eventHandlers.ToArray();
    private readonly IDialogContinuation[] _dialogs = dialogs.ToArray();
    private readonly INotUnderstoodHint[] _hints = hints.ToArray();

    /// <summary>Handles one attempt at a turn.</summary>
    public async ValueTask RouteAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var turn = context.Turn;
        if (turn.Kind is TurnKind.Message or TurnKind.Submit)
        {
            Roster.Touch(context, turn.From);
        }

        RememberAddress(context);

        // Anything from the conversation but the bot's removal shows the bot is there: a dormant group wakes.
        if (turn.Kind != TurnKind.BotRemoved)
        {
            Dormancy.Dormancy.Wake(context.State);
        }

        switch (turn.Kind)
        {
            case TurnKind.Submit when turn.Submission is { } submission:
                await RouteSubmissionAsync(context, submission, cancellationToken).ConfigureAwait(false);
                break;
            case TurnKind.Message:
                await RouteMessageAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            default:
                foreach (var handler in _events.Where(h => h.Handles(turn.Kind)))
                {
                    await handler.RunAsync(context, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    // Keeps the group's conversation reference fresh for proactive messages; written only when it changed.
    private static void RememberAddress(TurnContext context)
    {
        if (context.Turn.Address.Count == 0)
        {
            return;
        }

        var conversation = context.Turn.Conversation;
        var reference = new ConversationReferenceRecord(conversation.Channel, context.Turn.Address)
        {
            Tenant = conversation.Tenant,
            Conversation = conversation.Conversation,
        };
        if (!reference.SameAs(context.State.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind)))
        {
            context.State.Put(reference);
        }
    }

    private async ValueTask RouteSubmissionAsync(TurnContext context, Submission submission, CancellationToken cancellationToken)
    {
        // A card carries the id of the group it was made for; one from elsewhere must not touch this group.
        if (!string.Equals(submission.Get(Submission.GroupKey), context.State.GroupId, StringComparison.Ordinal))
        {
            context.Add(new Reply { Text = Messages.ForeignCard, Mode = ReplyMode.Private });
            return;
        }

        // Card data and inputs are client-editable: lengths and people are checked here, for every verb and channel.
        if (SubmissionCheck.Refusal(submission, context.State) is { } refusal)
        {
            context.Add(new Reply { Text = refusal, Mode = ReplyMode.Private });
            return;
        }

        var handler = _actions.FirstOrDefault(h => h.Handles(submission.Verb));
        if (handler is null)
        {
            context.Add(new Reply { Text = Messages.UnknownButton, Mode = ReplyMode.Private });
            return;
        }

        await handler.RunAsync(context, submission, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask RouteMessageAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = CommandText.Clean(context.Turn.Text);
        if (!context.Turn.Addressed)
        {
            // A plain channel message (no mention) may only answer its sender's open question; anything
            // else is left alone, with no reply: it was not said to the bot.
            foreach (var dialog in _dialogs)
            {
                if (await dialog.TryContinueAsync(context, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            return;
        }

        foreach (var command in _commands)
        {
            var match = command.Pattern.Match(text);
            if (match.Success)
            {
                await command.RunAsync(context, match, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        foreach (var dialog in _dialogs)
        {
            if (await dialog.TryContinueAsync(context, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var reply = text.Length == 0 ? Messages.EmptyMessage : Messages.NotUnderstood(text);
        var hint = _hints.Select(h => h.HintFor(context)).FirstOrDefault(h => h is not null);
        context.Say(hint is null ? reply : $"{reply} {hint}");
    }
}

/// <summary>Keeps the group's member list as people use the bot.</summary>
internal static class Roster
{
    public static void Touch(TurnContext context, MemberRef who)
    {
        var key = MemberRecord.KeyFor(who.Id);
        var existing = context.State.Find<MemberRecord>(key);
        if (existing is null)
        {
            context.State.Put(new MemberRecord(who, MemberRole.Member, context.Now));
        }
        else if (!existing.Active || !string.Equals(existing.Member.Name, who.Name, StringComparison.Ordinal))
        {
            context.State.Put(existing with { Member = who, Active = true });
        }
    }
}
