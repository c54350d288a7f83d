using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Install;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/events</c>: url_verification, and event_callback with app_mention (in channels),
/// message.im (direct messages) and message.channels / message.groups (plain channel messages, kept only
/// as answers to their sender's open question). An event for the bot is stored and queued before it is acknowledged;
/// retries of an event already stored are acknowledged at once. The turn runs after the answer.
/// </summary>
internal sealed partial class SlackEventsEndpoint(
    SlackRequestReader reader,
    SlackWorkReader works,
    SlackWorkIntake intake,
    SlackEventDeduplicator deduplicator,
    SlackAppLifecycle lifecycle,
    IOpenQuestions openQuestions,
    TimeProvider clock,
    ILogger<SlackEventsEndpoint> logger)
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";
    public const string NoRetryHeader = "X-Slack-No-Retry";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var (body, refusal) = await reader.ReadAsync(http).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var payload = JsonRead.TryParse(body);
        if (payload is null)
        {
            return TypedResults.BadRequest();
        }

        switch (payload.Str("type"))
        {
            case "url_verification":
                return TypedResults.Json(new JsonObject { ["challenge"] = payload.Str("challenge") ?? string.Empty });
            case "event_callback":
                return await EventCallbackAsync(http, payload, body!).ConfigureAwait(false);
            default:
                return TypedResults.Ok();
        }
    }

    private async Task<IResult> EventCallbackAsync(HttpContext http, JsonObject payload, byte[] body)
    {
        if (SlackAppLifecycle.Handles(payload.Obj("event").Str("type")))
        {
            return await LifecycleAsync(payload, http.RequestAborted).ConfigureAwait(false);
        }

        if (works.Event(payload) is not { } work)
        {
            return TypedResults.Ok();
        }

        if (!work.Addressed)
        {
            // A plain channel message is kept only when its sender has an open question here; any other is
            // dropped before it is queued or stored (one point read decides; nothing is written).
            try
            {
                var group = new ConversationKey(SlackAddress.Channel, work.Target.TeamId, work.Target.ChannelId).GroupId;
                if (!await openQuestions.IsWaitingForAsync(group, work.Target.UserId, clock.GetUtcNow(), http.RequestAborted).ConfigureAwait(false))
                {
                    LogPlainMessageDropped(logger);
                    return TypedResults.Ok();
                }
            }
#pragma warning disable CA1031 // Storage could not say: Slack is asked to try again, as when storing fails.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPlainMessageCheckFailed(logger, ex);
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        // This instance's memory answers most retries; the stored request answers the rest (another
        // instance, or after a restart) while the work is still waiting or running.
        var result = deduplicator.TryClaim(work.TurnId)
            ? await intake.StoreAsync(work, SlackWorkReader.EventsKind, body).ConfigureAwait(false)
            : IntakeResult.Repeat;
        switch (result)
        {
            case IntakeResult.Repeat:
                var isRetry = http.Request.Headers.ContainsKey(RetryNumHeader);
                LogRepeat(logger, isRetry);
                http.Response.Headers[NoRetryHeader] = "1";
                return TypedResults.Ok();
            case IntakeResult.Failed:
                deduplicator.Release(work.TurnId);
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.Ok();
        }
    }

    // Done before the answer, since it is small and idempotent: if it fails, Slack is asked to send it again.
    private async Task<IResult> LifecycleAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            await lifecycle.HandleAsync(payload, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLifecycleFailed(logger, ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(EventId = 4759, Level = LogLevel.Error, Message = "A Slack uninstall event could not be handled; Slack is asked to send it again")]
    private static partial void LogLifecycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4800, Level = LogLevel.Debug, Message = "Dropped a channel message that did not mention the bot and answers no open question")]
    private static partial void LogPlainMessageDropped(ILogger logger);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Warning, Message = "Could not check for an open question; Slack is asked to try again")]
    private static partial void LogPlainMessageCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Acknowledged a repeated Slack event (marked as a retry: {IsRetry})")]
    private static partial void LogRepeat(ILogger logger, bool isRetry);
}
