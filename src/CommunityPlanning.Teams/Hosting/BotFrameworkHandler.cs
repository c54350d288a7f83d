using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Outbound;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// One inbound Bot Framework activity, end to end: authenticate, map to a turn, run it on its own timeout
/// (its replies are saved in the group's outbox with its changes), then deliver the outbox rows at once. The
/// answer is 200 once the turn is saved, whatever delivery does: rows not delivered now are finished by the
/// outbox dispatcher. An invoke gets its card (or error) in the response. Used by <c>/api/messages</c> and by
/// the local playground's Direct Line endpoint alike.
/// </summary>
public sealed partial class BotFrameworkHandler(
    IInboundAuthenticator authenticator,
    IOptions<BotAuthOptions> authOptions,
    InboundActivityMapper mapper,
    TurnProcessor processor,
    ReplyActivityBuilder replies,
    AdaptiveCardRenderer renderer,
    OutboxDelivery delivery,
    OutboxDispatcher dispatcher,
    PersonalConversationRecorder personalChats,
    IOpenQuestions openQuestions,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<BotFrameworkHandler> logger)
{
    /// <summary>How long a turn may take; Teams redelivers after 15 seconds.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(12);

    /// <summary>What a person sees when a card action could not be read.</summary>
    public const string UnreadableCardMessage = "Sorry, I couldn't read that card. Type \"help\" to start again.";

    /// <summary>What a button press answers when everything it did went into the conversation.</summary>
    public const string RepliedInChat = "I've answered in the conversation below.";

    /// <summary>What a person sees when a card action failed on our side.</summary>
    public const string InvokeFailedMessage = "Sorry, something went wrong and that wasn't saved. Please try again in a minute.";

    /// <summary>Handles one activity. <paramref name="remoteAddress"/> is the caller's IP address.</summary>
    public async Task<BotResponse> HandleAsync(Activity activity, string? authorization, IPAddress? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!await IsAuthenticatedAsync(activity, authorization, remoteAddress, cancellationToken).ConfigureAwait(false))
        {
            return new BotResponse(401);
        }

        var mapped = mapper.Map(activity, out var problem);
        if (mapped is null)
        {
            LogRejected(logger, activity.Type ?? "(none)", problem);
            return problem == InboundProblem.Ignored ? BotResponse.Ok
                : MessageActionReader.IsMessageAction(activity) ? new BotResponse(200, TaskModuleResponses.Message(UnreadableCardMessage))
                : IsInvoke(activity) ? new BotResponse(200, AdaptiveInvokeResponses.Error(400, "BadRequest", UnreadableCardMessage))
                : new BotResponse(400);
        }

        // With resource-specific consent Teams delivers every message of the channel or chat. One that does not
        // mention the bot is kept only as an answer to its sender's open question; any other is dropped here,
        // before anything is loaded, stored or sent (one point read decides, and nothing is written).
        if (!mapped.Addressed && !await openQuestions.IsWaitingForAsync(mapped.Conversation.GroupId, mapped.From.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            LogPlainMessageDropped(logger);
            return BotResponse.Ok;
        }

        var invoke = IsInvoke(activity);
        var turn = mapped with { SourceMessageId = activity.ReplyToId, AnswersInline = invoke };
        var outbound = new TeamsReplyRenderer(replies, activity);

        // The turn runs on its own timeout, and delivery stops when the host does: a client that hangs up must
        // not leave half a turn behind, and a stopping host leaves undelivered rows to the next one.
        using var timeout = new CancellationTokenSource(TurnTimeout);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lifetime.ApplicationStopping);
        TurnOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(turn, outbound, work.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (invoke)
        {
            // Teams does not redeliver an invoke: answer in the invoke error format so the person sees why.
            // (A failed message turn is left to fail: the 500 makes the channel redeliver it.)
            LogInvokeFailed(logger, ex);
            return new BotResponse(200, MessageActionReader.IsMessageAction(activity)
                ? TaskModuleResponses.Message(InvokeFailedMessage)
                : AdaptiveInvokeResponses.Error(500, "InternalServerError", InvokeFailedMessage));
        }

        var groupId = turn.Conversation.GroupId;
        if (outcome.Duplicate)
        {
            // Nothing new to send, but whatever the first delivery left in the outbox still goes.
            dispatcher.Nudge(groupId);
            return !invoke ? BotResponse.Ok
                : MessageActionReader.IsMessageAction(activity) ? new BotResponse(200, TaskModuleResponses.Message(RepliedInChat))
                : new BotResponse(200, AdaptiveInvokeResponses.Message(RepliedInChat));
        }

        if (outcome.Unsaved.Count > 0)
        {
            await delivery.SendUnsavedAsync(outbound.Channel, outcome.Unsaved, work.Token).ConfigureAwait(false);
        }

        if (!await delivery.DeliverSavedAsync(outcome.Outbox, work.Token).ConfigureAwait(false))
        {
            dispatcher.Nudge(groupId);
        }

        if (outcome.Saved)
        {
            await personalChats.RecordAsync(turn, work.Token).ConfigureAwait(false);
        }

        return !invoke ? BotResponse.Ok
            : MessageActionReader.IsMessageAction(activity) ? new BotResponse(200, DialogBody(outcome.Inline))
            : new BotResponse(200, InvokeBody(outcome.Inline));
    }

    // A message action's dialog: a card keeps it open (a form, or the form with errors), text is shown in it,
    // and nothing inline closes it (the new action's card went to the conversation).
    private JsonObject DialogBody(Reply? inline) =>
        inline?.Card is { } card ? TaskModuleResponses.Continue(card.Title, renderer.Render(card))
        : inline?.Text is { Length: > 0 } text ? TaskModuleResponses.Message(text)
        : TaskModuleResponses.Close();

    private JsonObject InvokeBody(Reply? inline) =>
        inline?.Card is { } card ? AdaptiveInvokeResponses.Card(renderer.Render(card)) : AdaptiveInvokeResponses.Message(inline?.Text ?? RepliedInChat);

    private async Task<bool> IsAuthenticatedAsync(Activity activity, string? authorization, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (!authOptions.Value.IsAuthenticationConfigured)
        {
            // Local development only (the host refuses to start like this elsewhere): loopback callers only.
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress);
        }

        var result = await authenticator.AuthenticateAsync(authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogUnauthenticated(logger, result.Failure);
        }

        return result.Succeeded;
    }

    private static bool IsInvoke(Activity activity) => string.Equals(activity.Type, "invoke", StringComparison.Ordinal);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Refused an unauthenticated activity: {Failure}")]
    private static partial void LogUnauthenticated(ILogger logger, InboundAuthFailure failure);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Did not turn a {Type} activity into a turn: {Problem}")]
    private static partial void LogRejected(ILogger logger, string type, InboundProblem problem);

    [LoggerMessage(EventId = 3800, Level = LogLevel.Debug, Message = "Dropped a channel message that did not mention the bot and answers no open question")]
    private static partial void LogPlainMessageDropped(ILogger logger);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "A card action failed")]
    private static partial void LogInvokeFailed(ILogger logger, Exception exception);
}
