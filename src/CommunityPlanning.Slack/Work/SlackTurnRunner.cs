using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Outbound;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Work;

/// <summary>
/// Turns queued Slack work into turns, runs them through the pipeline and sends the replies. A turn
/// that fails is logged and the person is told; nothing is dropped silently.
/// </summary>
internal sealed partial class SlackTurnRunner(
    TurnProcessor processor,
    SlackReplySender sender,
    OutboxDelivery delivery,
    OutboxDispatcher dispatcher,
    SlackUserDirectory users,
    SlackBotIdentity bot,
    TimeProvider clock,
    ILogger<SlackTurnRunner> logger)
{
    /// <summary>
    /// Runs one piece of work; true when it need not run again (it finished, or failed after its turn was
    /// saved). A failure is logged and, with <paramref name="reportFailure"/> or after the save, the person
    /// is told (stored work is retried first, so it tells them only on its last try).
    /// </summary>
    public async Task<bool> RunAsync(SlackWork work, CancellationToken cancellationToken, CancellationToken stopping, bool reportFailure = true)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            switch (work)
            {
                case InboundWork inbound:
                    foreach (var turn in await BuildTurnsAsync(inbound, cancellationToken).ConfigureAwait(false))
                    {
                        await RunTurnAsync(turn with { SourceMessageId = work.Target.SourceTs, SourceIsPrivate = work.Target.SourcePrivate }, work.Target, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case DeliveryWork delivery:
                    var result = await delivery.Outcome.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (!result.Duplicate)
                    {
                        await sender.DeliverAsync(result.Replies, work.Target, delivery.ModalClosed, cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }

            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogAbandoned(logger, work.GetType().Name);
            return false;
        }
#pragma warning disable CA1031 // A failed turn of any kind is reported to the person, never dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, ex);

            // A stored turn's replies go through the outbox, which retries them itself, so a failure here
            // came before the save and running the work again is right. A modal's replies are sent
            // directly after its inline turn: Slack failing then means the turn is saved, so tell the person now.
            var afterSave = work is DeliveryWork && ex is SlackApiException or HttpRequestException;
            if (reportFailure || afterSave)
            {
                await sender.ReportFailureAsync(work.Target, stopping).ConfigureAwait(false);
            }

            return afterSave;
        }
    }

    // The replies are saved in the group's outbox with the turn and delivered from there: what is not
    // delivered now (Slack down, rate limits) is finished by the outbox dispatcher.
    private async Task RunTurnAsync(Turn turn, SlackTarget target, CancellationToken cancellationToken)
    {
        var renderer = new SlackReplyRenderer(target, modalClosed: false);
        var outcome = await processor.ProcessAsync(turn, renderer, cancellationToken).ConfigureAwait(false);
        var groupId = turn.Conversation.GroupId;
        if (outcome.Duplicate)
        {
            dispatcher.Nudge(groupId);
            return;
        }

        if (outcome.Unsaved.Count > 0)
        {
            await delivery.SendUnsavedAsync(renderer.Channel, outcome.Unsaved, cancellationToken).ConfigureAwait(false);
        }

        if (!await delivery.DeliverSavedAsync(outcome.Outbox, cancellationToken).ConfigureAwait(false))
        {
            dispatcher.Nudge(groupId);
        }
    }

    /// <summary>The turns for inbound work: one message, or one per card action.</summary>
    public async Task<IReadOnlyList<Turn>> BuildTurnsAsync(InboundWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var target = work.Target;
        var workspace = target.Workspace;
        var from = new MemberRef(target.UserId, await users.NameAsync(workspace, target.UserId, work.UserName, cancellationToken).ConfigureAwait(false));
        var conversation = new ConversationKey(SlackAddress.Channel, target.TeamId, target.ChannelId);
        var address = SlackAddress.For(target.TeamId, target.ChannelId, target.EnterpriseId);
        var now = clock.GetUtcNow();
        if (work.Joined is { } joined)
        {
            var botId = work.BotUserId ?? await bot.GetAsync(workspace, cancellationToken).ConfigureAwait(false);
            var isBot = string.Equals(target.UserId, botId, StringComparison.Ordinal);
            if (isBot && !joined)
            {
                // The bot removed from the channel: nothing to say there any more.
                return [];
            }

            return
            [
                new Turn
                {
                    Kind = isBot ? TurnKind.BotAdded : joined ? TurnKind.MembersAdded : TurnKind.MembersRemoved,
                    Conversation = conversation,
                    From = from,
                    MembersChanged = isBot ? [] : [from],
                    TurnId = work.TurnId,
                    Timestamp = now,
                    Address = address,
                },
            ];
        }

        if (work.FromMessage is { } message)
        {
            return [await ShortcutTurnAsync(work, message, from, conversation, address, now, cancellationToken).ConfigureAwait(false)];
        }

        if (work.Text is not null)
        {
            var botId = work.BotUserId ?? await bot.GetAsync(workspace, cancellationToken).ConfigureAwait(false);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = await SlackText.ReadAsync(work.Text, botId, async (id, label) =>
            {
                var name = await users.NameAsync(workspace, id, label, cancellationToken).ConfigureAwait(false);
                names[id] = name;
                return name;
            }).ConfigureAwait(false);
            return
            [
                new Turn
                {
                    Kind = TurnKind.Message,
                    Conversation = conversation,
                    From = from,
                    Text = text.Text,
                    Mentions = text.MentionIds.Select(id => new MemberRef(id, names.GetValueOrDefault(id, id))).ToList(),
                    TurnId = work.TurnId,
                    Timestamp = now,
                    IsPersonal = SlackAddress.IsDirectMessage(target.ChannelId),
                    Address = address,
                    Addressed = work.Addressed,
                },
            ];
        }

        return work.Submissions.Select((submission, index) => new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = conversation,
            From = from,
            Submission = submission,
            TurnId = work.Submissions.Count == 1 ? work.TurnId : $"{work.TurnId}:{index}",
            Timestamp = now,
            IsPersonal = SlackAddress.IsDirectMessage(target.ChannelId),
            Address = address,
        }).ToList();
    }

    // "Make an action" on a message: the form's turn, with the message's text read as people meant it (mentions as
    // names, links as labels, no mrkdwn) and its mentions by user id, which the core checks against the roster.
    private async Task<Turn> ShortcutTurnAsync(InboundWork work, SlackShortcutMessage message, MemberRef from, ConversationKey conversation, IReadOnlyDictionary<string, string> address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var workspace = work.Target.Workspace;
        var botId = await bot.GetAsync(workspace, cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = await SlackText.ReadAsync(SlackText.StripFormatting(message.Text), botId, async (id, label) =>
        {
            var name = await users.NameAsync(workspace, id, label, cancellationToken).ConfigureAwait(false);
            names[id] = name;
            return name;
        }).ConfigureAwait(false);
        var plain = text.Text.Length > MessageActionCommand.MaxText ? text.Text[..MessageActionCommand.MaxText] : text.Text;
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [Submission.GroupKey] = conversation.GroupId };
        var by = message.AuthorId is { } author ? await users.NameAsync(workspace, author, null, cancellationToken).ConfigureAwait(false) : message.AuthorName;
        if (by is { Length: > 0 })
        {
            data[ActionVerbs.ByKey] = by.Length > MessageActionCommand.MaxDataValue ? by[..MessageActionCommand.MaxDataValue] : by;
        }

        if (message.Link is { } link && link.OriginalString.Length <= MessageActionCommand.MaxDataValue)
        {
            data[ActionVerbs.LinkKey] = link.OriginalString;
        }

        return new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = conversation,
            From = from,
            Submission = new Submission(ActionVerbs.MessageForm, data, new Dictionary<string, string>()),
            Text = plain,
            Mentions = text.MentionIds.Take(MessageActionCommand.MaxMentionsLooked).Select(id => new MemberRef(id, names.GetValueOrDefault(id, id))).ToList(),
            TurnId = work.TurnId,
            Timestamp = now,
            IsPersonal = SlackAddress.IsDirectMessage(work.Target.ChannelId),
            Address = address,
        };
    }

    [LoggerMessage(EventId = 4140, Level = LogLevel.Error, Message = "A Slack turn failed; the person is told unless it will be tried again")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Warning, Message = "A queued Slack {Work} was abandoned because the bot is stopping")]
    private static partial void LogAbandoned(ILogger logger, string work);
}
