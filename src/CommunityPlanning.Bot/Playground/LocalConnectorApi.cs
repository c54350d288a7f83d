using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The Bot Framework Connector, as far as the bot uses it, for the playground: the bot's
/// <c>ConnectorClient</c> sends its replies here (POST) and updates cards in place (PUT), and they land
/// in the transcript Web Chat polls. Loopback callers only.
/// </summary>
internal static class LocalConnectorApi
{
    public static IEndpointRouteBuilder MapLocalConnector(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(PlaygroundHttp.ConnectorPath + "v3/conversations/{conversationId}/activities")
            .AddEndpointFilter(LoopbackOnly.FilterAsync)
            .DisableAntiforgery();
        group.MapPost("/", SendAsync);
        group.MapPost("/{activityId}", SendAsync);
        group.MapPut("/{activityId}", UpdateAsync);
        return endpoints;
    }

    // A new message, or a reply to one (the transcript has no threads, so both are appended).
    private static async Task<IResult> SendAsync(HttpContext context, string conversationId, PlaygroundConversations conversations)
    {
        if (conversations.ForConnector(conversationId) is not { } conversation)
        {
            return NotFound();
        }

        if (await ReadBotActivityAsync(context, conversation).ConfigureAwait(false) is not { } activity)
        {
            return TypedResults.BadRequest();
        }

        activity.Remove("id");
        activity.Remove("timestamp");
        return TypedResults.Json(new JsonObject { ["id"] = conversation.Append(activity) });
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string conversationId, string activityId, PlaygroundConversations conversations)
    {
        if (conversations.ForConnector(conversationId) is not { } conversation)
        {
            return NotFound();
        }

        if (await ReadBotActivityAsync(context, conversation).ConfigureAwait(false) is not { } activity)
        {
            return TypedResults.BadRequest();
        }

        return conversation.Replace(activityId, activity)
            ? TypedResults.Json(new JsonObject { ["id"] = activityId })
            : NotFound();
    }

    private static async Task<JsonObject?> ReadBotActivityAsync(HttpContext context, PlaygroundConversation conversation)
    {
        if (await PlaygroundHttp.ReadObjectAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is not { } activity)
        {
            return null;
        }

        // Web Chat tells the bot's messages from members' by role.
        activity["from"] = new JsonObject { ["id"] = PlaygroundBot.BotId, ["name"] = PlaygroundBot.BotName, ["role"] = "bot" };
        activity["conversation"] = new JsonObject { ["id"] = conversation.Id };
        activity["channelId"] = PlaygroundBot.ChannelId;
        activity.Remove("serviceUrl");
        activity.Remove("recipient");
        return SameOriginImages.Rewrite(activity);
    }

    // The Connector's error shape, so the bot's client logs a code rather than nothing.
    private static IResult NotFound() => TypedResults.Json(
        new JsonObject { ["error"] = new JsonObject { ["code"] = "ConversationNotFound", ["message"] = "No such playground conversation." } },
        statusCode: StatusCodes.Status404NotFound);
}
