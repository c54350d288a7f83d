using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// One inbound Bot Framework activity, end to end: authenticate, map to a turn, run it on its own
/// timeout, then deliver the replies (new messages, cards updated in place, the invoke response).
/// Used by <c>/api/messages</c> and by the local playground's Direct Line endpoint alike.
/// </summary>
public sealed partial class BotFrameworkHandler(
    IInboundAuthenticator authenticator,
    IOptions<BotAuthOptions> authOptions,
    InboundActivityMapper mapper,
    TurnProcessor processor,
    ReplyActivityBuilder replies,
    AdaptiveCardRenderer renderer,
    ConnectorClient connector,
    PersonalConversationRecorder personalChats,
    SentMessages sentMessages,
    ILogger<BotFrameworkHandler> logger)
{
    /// <summary>How long a turn may take; Teams redelivers after 15 seconds.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(12);

    /// <summary>What a person sees when a card action could not be read.</summary>
    public const string UnreadableCardMessage = "Sorry, I couldn't read that card. Type \"help\" to start again.";

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

        var turn = mapper.Map(activity, out var problem);
        if (turn is null)
        {
            LogRejected(logger, activity.Type ?? "(none)", problem);
            return problem == InboundProblem.Ignored ? BotResponse.Ok
                : IsInvoke(activity) ? new BotResponse(200, AdaptiveInvokeResponses.Error(400, "BadRequest", UnreadableCardMessage))
                : new BotResponse(400);
        }

        // The turn runs on its own timeout: a client that hangs up must not leave half a turn behind.
        using var timeout = new CancellationTokenSource(TurnTimeout);
        TurnOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(turn, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsInvoke(activity))
        {
            // Teams does not redeliver an invoke: answer in the invoke error format so the person sees why.
            // (A failed message turn is left to fail: the 500 makes the channel redeliver it.)
            LogInvokeFailed(logger, ex);
            return new BotResponse(200, AdaptiveInvokeResponses.Error(500, "InternalServerError", InvokeFailedMessage));
        }

        if (outcome.Duplicate)
        {
            return IsInvoke(activity) ? new BotResponse(200, AdaptiveInvokeResponses.Message("Done.")) : BotResponse.Ok;
        }

        var response = await DeliverAsync(activity, turn, outcome.Replies, timeout.Token).ConfigureAwait(false);
        await personalChats.RecordAsync(turn, timeout.Token).ConfigureAwait(false);
        return response;
    }

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

    private async Task<BotResponse> DeliverAsync(Activity inbound, Turn turn, IReadOnlyList<Reply> turnReplies, CancellationToken cancellationToken)
    {
        var invoke = IsInvoke(inbound);
        JsonObject? invokeBody = null;
        foreach (var reply in turnReplies)
        {
            if (invoke && invokeBody is null && reply.Mode != ReplyMode.New)
            {
                // The clicking user's card is replaced by the invoke response; others see the PUT below.
                invokeBody = reply.Card is not null ? AdaptiveInvokeResponses.Card(renderer.Render(reply.Card)) : AdaptiveInvokeResponses.Message(reply.Text ?? "Done.");
                if (reply.Mode == ReplyMode.ReplaceSource && !(turn.Submission?.IsAutomatic ?? false))
                {
                    await UpdateSourceAsync(inbound, turn, reply, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (!invoke && reply.Mode == ReplyMode.ReplaceSource && inbound.ReplyToId is not null)
            {
                await UpdateSourceAsync(inbound, turn, reply, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await SendAsync(inbound, turn, reply, cancellationToken).ConfigureAwait(false);
        }

        return invoke ? new BotResponse(200, invokeBody ?? AdaptiveInvokeResponses.Message("Done.")) : BotResponse.Ok;
    }

    private async Task SendAsync(Activity inbound, Turn turn, Reply reply, CancellationToken cancellationToken)
    {
        var activity = replies.Build(reply, inbound);
        try
        {
            if (reply.ReplacesMessageId is { } earlier && await TryReplaceAsync(inbound, earlier, activity, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var sentId = await connector.SendAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, activity, cancellationToken).ConfigureAwait(false);
            if (reply.Anchor is { } anchor && sentId is { Length: > 0 })
            {
                await sentMessages.RememberAsync(turn.Conversation.GroupId, anchor, sentId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ConnectorException ex)
        {
            LogSendFailed(logger, ex.Status is { } s ? (int)s : 0, ex.ErrorCode ?? ex.Message);
        }
    }

    // Replaces an earlier message (a meeting card) for everyone; false when it can no longer be replaced.
    private async Task<bool> TryReplaceAsync(Activity inbound, string earlier, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await connector.UpdateAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, earlier, activity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex)
        {
            LogSendFailed(logger, ex.Status is { } s ? (int)s : 0, ex.ErrorCode ?? ex.Message);
            activity.Id = null;
            return false;
        }
    }

    private async Task UpdateSourceAsync(Activity inbound, Turn turn, Reply reply, CancellationToken cancellationToken)
    {
        if (inbound.ReplyToId is not { Length: > 0 } sourceId)
        {
            await SendAsync(inbound, turn, reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await connector.UpdateAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, sourceId, replies.Build(reply, inbound), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            LogSendFailed(logger, ex.Status is { } s ? (int)s : 0, ex.ErrorCode ?? ex.Message);
        }
    }

    private static bool IsInvoke(Activity activity) => string.Equals(activity.Type, "invoke", StringComparison.Ordinal);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Refused an unauthenticated activity: {Failure}")]
    private static partial void LogUnauthenticated(ILogger logger, InboundAuthFailure failure);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Did not turn a {Type} activity into a turn: {Problem}")]
    private static partial void LogRejected(ILogger logger, string type, InboundProblem problem);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "A card action failed")]
    private static partial void LogInvokeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not deliver a reply: {Status} {Error}")]
    private static partial void LogSendFailed(ILogger logger, int status, string error);
}
