using System.Text;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Work;

namespace CommunityPlanning.Slack.Outbound;

/// <summary>
/// Renders planned replies as Slack calls for one request: new messages with chat.postMessage, updates with
/// chat.update, private replies with chat.postEphemeral, and forms as a modal (views.open with the request's
/// trigger id, once) or, without a trigger, as a message with a "Fill in the form" button. A message shortcut's
/// messages go in the message's thread, and its modal remembers that thread and the response_url for its result.
/// </summary>
internal sealed class SlackReplyRenderer(SlackTarget target, bool modalClosed) : IReplyRenderer
{
    private string? _trigger = target.TriggerId;

    public string Channel => SlackAddress.Channel;

    public IReadOnlyList<string> Render(PlannedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // Every stored call names its workspace, so it is made with that workspace's token, whoever delivers it.
        return RenderCalls(reply).Select(m => (m with { Team = target.TeamId, Enterprise = target.EnterpriseId }).ToJson()).ToList();
    }

    private List<SlackOutboundMessage> RenderCalls(PlannedReply planned)
    {
        var reply = planned.Reply;
        if (planned.Action == DeliveryAction.Inline)
        {
            return [];
        }

        if (reply.Card is { IsForm: true } form)
        {
            if (modalClosed)
            {
                return [.. Messages(BlockKitRenderer.RenderReply(ErrorsAsText(form)), SlackOperation.Ephemeral)];
            }

            var calls = new List<SlackOutboundMessage>();
            var mode = planned.Action == DeliveryAction.Private ? SlackOperation.Ephemeral : SlackOperation.Post;
            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                calls.AddRange(Messages(BlockKitRenderer.RenderReply(reply with { Card = null }), mode));
            }

            var link = target.FromShortcut
                ? [Expired()]
                : Messages(target.FormOrigin is { } origin ? BlockKitRenderer.RenderFormLink(form, origin) : BlockKitRenderer.RenderReply(new Reply { Card = form }), mode).ToList();
            if (_trigger is { } trigger)
            {
                _trigger = null;
                calls.Add(new SlackOutboundMessage
                {
                    Op = SlackOperation.Modal,
                    Channel = target.ChannelId,
                    TriggerId = trigger,
                    View = BlockKitRenderer.RenderModal(form, target.ChannelId, target.ModalReplaceTs, target.ThreadTs, target.FromShortcut ? target.ResponseUrl : null),
                    Fallback = link,
                });
            }
            else
            {
                calls.AddRange(link);
            }

            return calls;
        }

        var messages = BlockKitRenderer.RenderReply(reply);
        switch (planned.Action)
        {
            case DeliveryAction.Private:
                return [.. Messages(messages, SlackOperation.Ephemeral)];
            case DeliveryAction.Update when planned.PostIfUpdateFails && messages.Count != 1:
                return [.. Messages(messages, SlackOperation.Post)];
            case DeliveryAction.Update:
                var update = SlackOutboundMessage.For(SlackOperation.Update, target.ChannelId, messages[0]) with { Ts = planned.MessageId, PostIfUpdateFails = planned.PostIfUpdateFails };
                return [update, .. Messages(messages.Skip(1), SlackOperation.Post)];
            default:
                return [.. Messages(messages, SlackOperation.Post)];
        }
    }

    private IEnumerable<SlackOutboundMessage> Messages(IEnumerable<SlackMessage> messages, SlackOperation op) =>
        messages.Select(m => SlackOutboundMessage.For(op, target.ChannelId, m) with
        {
            User = op == SlackOperation.Ephemeral ? target.UserId : null,
            ResponseUrl = target.ResponseUrl,
            ThreadTs = target.ThreadTs,
        });

    // A shortcut's form could not be opened (Slack allows 3 seconds for the trigger id): say so privately, through
    // the response_url, which works whether or not the bot is in the channel.
    private SlackOutboundMessage Expired() =>
        SlackOutboundMessage.For(SlackOperation.Respond, target.ChannelId, BlockKitRenderer.RenderReply(new Reply { Text = ShortcutExpiredText })[0]) with
        {
            User = target.UserId,
            ResponseUrl = target.ResponseUrl,
        };

    /// <summary>What a person is told when a message shortcut's form could not be opened in time.</summary>
    public const string ShortcutExpiredText = "Slack closed the form before I could open it: it gives me only 3 seconds. Please use \"Make an action\" on the message again.";

    private static Reply ErrorsAsText(Card form)
    {
        var errors = form.Blocks.OfType<InputBlock>().Where(b => !string.IsNullOrWhiteSpace(b.Input.Error)).ToList();
        if (errors.Count == 0)
        {
            // The form's own note ("Saved by Sam Jones.", "Nothing had changed…") says what happened.
            var note = form.Blocks.OfType<TextBlock>().FirstOrDefault(b => b.Tone == TextTone.Good)?.Text ?? "I saved that.";
            // A plan section is opened from the plan ("plan"), every other form from its step's card.
            var where = form.Actions.Any(a => a.Verb == Conversations.Plans.PlanVerbs.SaveSection) ? "type \"plan\" and open it again" : $"open \"{form.Title}\" again from the step card";
            return new Reply { Text = $"{note} To change anything, {where}.", Mode = ReplyMode.Private };
        }

        var text = new StringBuilder("Some answers on \"").Append(form.Title).Append("\" need another look, so I haven't saved them:");
        foreach (var input in errors.Select(b => b.Input))
        {
            text.Append("\n• ").Append(input.Label).Append(": ").Append(input.Error);
        }

        text.Append("\nPlease open the form again and fix them.");
        return new Reply { Text = text.ToString(), Mode = ReplyMode.Private };
    }
}
