using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Outbound;

/// <summary>
/// Sends replies that are not in the outbox (a modal submission's answer, finished after Slack stopped
/// waiting) straight away, by the same rules and rendering as outbox replies; and tells a person their request
/// failed.
/// </summary>
internal sealed partial class SlackReplySender(OutboxDelivery delivery, ILogger<SlackReplySender> logger)
{
    /// <summary>What a person is told when their request could not be finished.</summary>
    public const string FailureText = "Sorry, something went wrong and I couldn't finish that. Please try again in a minute. If it keeps happening, tell whoever looks after me.";

    public async Task DeliverAsync(IReadOnlyList<Reply> replies, SlackTarget target, bool modalClosed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(target);
        var turn = new Turn
        {
            Kind = TurnKind.Submit,
            Conversation = new ConversationKey(SlackAddress.Channel, target.TeamId, target.ChannelId),
            From = new Domain.Members.MemberRef(target.UserId, target.UserId),
            SourceMessageId = target.SourceTs,
            SourceIsPrivate = target.SourcePrivate,
        };
        var renderer = new SlackReplyRenderer(target, modalClosed);
        var messages = DeliveryRules.Plan(turn, replies).SelectMany(renderer.Render).ToList();
        await delivery.SendUnsavedAsync(renderer.Channel, messages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the person their request failed; never throws.</summary>
    public async Task ReportFailureAsync(SlackTarget target, CancellationToken cancellationToken = default)
    {
        try
        {
            await DeliverAsync([new Reply { Text = FailureText, Mode = ReplyMode.Private }], target, modalClosed: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            LogReportFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 4131, Level = LogLevel.Error, Message = "Could not tell a Slack user that their request failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
