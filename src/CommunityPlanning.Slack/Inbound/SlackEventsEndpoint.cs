using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/events</c>: url_verification, and event_callback with app_mention (in channels) and
/// message.im (direct messages). Retries are acknowledged at once; the turn runs after the answer.
/// </summary>
internal sealed partial class SlackEventsEndpoint(
    SlackRequestReader reader,
    SlackWorkQueue queue,
    SlackEventDeduplicator deduplicator,
    SlackBotIdentity bot,
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
                return EventCallback(http, payload);
            default:
                return TypedResults.Ok();
        }
    }

    private IResult EventCallback(HttpContext http, JsonObject payload)
    {
        var teamId = payload.Str("team_id");
        var eventId = payload.Str("event_id");
        var evt = payload.Obj("event");
        var authorized = payload.Arr("authorizations").Objects().FirstOrDefault(a => a["is_bot"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
        var botUserId = authorized.Str("user_id") ?? bot.UserId;
        bot.Learn(authorized.Str("user_id"));
        if (teamId is null || eventId is null || evt is null || !IsForUs(evt, botUserId))
        {
            return TypedResults.Ok();
        }

        var channel = evt.Str("channel");
        var user = evt.Str("user");
        if (channel is null || user is null)
        {
            return TypedResults.Ok();
        }

        if (!deduplicator.TryClaim(eventId))
        {
            var isRetry = http.Request.Headers.ContainsKey(RetryNumHeader);
            LogRepeat(logger, isRetry);
            http.Response.Headers[NoRetryHeader] = "1";
            return TypedResults.Ok();
        }

        var text = evt.Str("text") ?? string.Empty;
        var target = new SlackTarget(teamId, channel, user)
        {
            FormOrigin = SlackFormOpen.For(new ConversationKey(SlackAddress.Channel, teamId, channel), text),
        };
        if (!queue.TryEnqueue(new InboundWork(target, "evt:" + eventId, null, text, [], botUserId)))
        {
            deduplicator.Release(eventId);
            LogQueueFull(logger);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    // Mentions in channels, and people's own messages in a direct message with the bot; never the
    // bot's own messages, other bots, or edits, joins and other subtypes.
    private static bool IsForUs(JsonObject evt, string? botUserId)
    {
        if (evt.Str("bot_id") is not null || evt.Str("subtype") is not null)
        {
            return false;
        }

        if (botUserId is not null && string.Equals(evt.Str("user"), botUserId, StringComparison.Ordinal))
        {
            return false;
        }

        return evt.Str("type") switch
        {
            "app_mention" => true,
            "message" => string.Equals(evt.Str("channel_type"), "im", StringComparison.Ordinal),
            _ => false,
        };
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Acknowledged a repeated Slack event (marked as a retry: {IsRetry})")]
    private static partial void LogRepeat(ILogger logger, bool isRetry);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "The Slack queue is full; asked Slack to retry later")]
    private static partial void LogQueueFull(ILogger logger);
}
