using System.Text;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Outbound;

/// <summary>
/// Sends a turn's replies to Slack: new messages with chat.postMessage, ReplaceSource with chat.update
/// on the message the action came from, Private with chat.postEphemeral, and forms as modals
/// (views.open with the request's trigger id) or, without a trigger, as a message with a
/// "Fill in the form" button.
/// </summary>
internal sealed partial class SlackReplySender(SlackApiClient api, SentMessages sentMessages, ILogger<SlackReplySender> logger)
{
    /// <summary>What a person is told when their request could not be finished.</summary>
    public const string FailureText = "Sorry, something went wrong and I couldn't finish that. Please try again in a minute. If it keeps happening, tell whoever looks after me.";

    private static readonly HashSet<string> NotAMember = new(StringComparer.Ordinal) { "not_in_channel", "channel_not_found" };

    public async Task DeliverAsync(IReadOnlyList<Reply> replies, SlackTarget target, bool modalClosed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(target);
        var trigger = target.TriggerId;
        foreach (var reply in replies)
        {
            if (reply.Card is { IsForm: true } form)
            {
                if (modalClosed)
                {
                    await SendAsync(ErrorsAsText(form), target, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(reply.Text))
                {
                    await SendAsync(reply with { Card = null }, target, cancellationToken).ConfigureAwait(false);
                }

                if (trigger is { } triggerId && await TryOpenModalAsync(triggerId, form, target, cancellationToken).ConfigureAwait(false))
                {
                    trigger = null;
                    continue;
                }

                trigger = null;
                var link = target.FormOrigin is { } origin
                    ? BlockKitRenderer.RenderFormLink(form, origin)
                    : BlockKitRenderer.RenderReply(new Reply { Card = form });
                await SendMessagesAsync(link, reply.Mode == ReplyMode.Private ? ReplyMode.Private : ReplyMode.New, target, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await SendAsync(reply, target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the person their request failed; never throws.</summary>
    public async Task ReportFailureAsync(SlackTarget target, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(new Reply { Text = FailureText, Mode = ReplyMode.Private }, target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            LogReportFailed(logger, ex);
        }
    }

    private async Task SendAsync(Reply reply, SlackTarget target, CancellationToken cancellationToken)
    {
        var messages = BlockKitRenderer.RenderReply(reply);
        if (reply.ReplacesMessageId is { } earlier && reply.Mode == ReplyMode.New && messages.Count == 1)
        {
            try
            {
                // An anchored card (the meeting card) is updated in place for everyone.
                await api.UpdateMessageAsync(target.ChannelId, earlier, messages[0], cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException ex)
            {
                LogReplaceFailed(logger, ex.Error);
            }
        }

        var posted = await SendMessagesAsync(messages, reply.Mode, target, cancellationToken).ConfigureAwait(false);
        if (reply.Anchor is { } anchor && posted is { Length: > 0 })
        {
            var groupId = new ConversationKey(SlackAddress.Channel, target.TeamId, target.ChannelId).GroupId;
            await sentMessages.RememberAsync(groupId, anchor, posted, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns the ts of the first message posted with chat.postMessage, if any.
    private async Task<string?> SendMessagesAsync(IReadOnlyList<SlackMessage> messages, ReplyMode mode, SlackTarget target, CancellationToken cancellationToken)
    {
        string? firstPosted = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            try
            {
                if (mode == ReplyMode.Private)
                {
                    await api.PostEphemeralAsync(target.ChannelId, target.UserId, message, cancellationToken).ConfigureAwait(false);
                }
                else if (mode == ReplyMode.ReplaceSource && i == 0 && target.SourceTs is { } ts)
                {
                    await api.UpdateMessageAsync(target.ChannelId, ts, message, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var postedTs = await api.PostMessageAsync(target.ChannelId, message, cancellationToken).ConfigureAwait(false);
                    firstPosted ??= postedTs;
                }
            }
            catch (SlackApiException ex) when (target.ResponseUrl is { } responseUrl && NotAMember.Contains(ex.Error))
            {
                // /plan used in a channel the bot has not been added to: answer through the command.
                LogUsedResponseUrl(logger, ex.Error);
                await api.PostToResponseUrlAsync(responseUrl, message, inChannel: mode != ReplyMode.Private, cancellationToken).ConfigureAwait(false);
            }
        }

        return firstPosted;
    }

    private async Task<bool> TryOpenModalAsync(string triggerId, Card form, SlackTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await api.OpenViewAsync(triggerId, BlockKitRenderer.RenderModal(form, target.ChannelId, target.ModalReplaceTs), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException ex)
        {
            // Usually an expired trigger (3 seconds): the form is posted with a button instead.
            LogModalFailed(logger, ex.Error);
            return false;
        }
    }

    private static Reply ErrorsAsText(Card form)
    {
        var errors = form.Blocks.OfType<InputBlock>().Where(b => !string.IsNullOrWhiteSpace(b.Input.Error)).ToList();
        if (errors.Count == 0)
        {
            return new Reply { Text = $"I saved that. Open \"{form.Title}\" again if you want to change anything.", Mode = ReplyMode.Private };
        }

        var text = new StringBuilder("Some answers on \"").Append(form.Title).Append("\" need another look, so I haven't saved them:");
        foreach (var input in errors.Select(b => b.Input))
        {
            text.Append("\n• ").Append(input.Label).Append(": ").Append(input.Error);
        }

        text.Append("\nPlease open the form again and fix them.");
        return new Reply { Text = text.ToString(), Mode = ReplyMode.Private };
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Could not open a Slack modal ({Error}); posting the form with a button instead")]
    private static partial void LogModalFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Information, Message = "Answered a /plan command through its response_url ({Error})")]
    private static partial void LogUsedResponseUrl(ILogger logger, string error);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Error, Message = "Could not tell a Slack user that their request failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Could not update an earlier message ({Error}); posting it afresh")]
    private static partial void LogReplaceFailed(ILogger logger, string error);
}
