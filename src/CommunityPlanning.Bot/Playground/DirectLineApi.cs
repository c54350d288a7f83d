using System.Globalization;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The Direct Line 3.0 calls Web Chat makes when it polls (no WebSocket): tokens, start or resume a
/// conversation, get activities after a watermark, post an activity. Loopback callers only.
/// </summary>
internal static class DirectLineApi
{
    /// <summary>The Direct Line base path; Web Chat's <c>domain</c>.</summary>
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).AddEndpointFilter(LoopbackOnly.FilterAsync).DisableAntiforgery();
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Resume);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        return endpoints;
    }

    /// <summary>A new token for the demo conversation (created, with the bot's welcome, on first use).</summary>
    internal static async Task<IResult> GenerateAsync(HttpContext context, PlaygroundConversations conversations, PlaygroundBot bot)
    {
        var conversation = await DemoAsync(context, conversations, bot).ConfigureAwait(false);
        return Conversation(conversation, conversations.Issue(conversation));
    }

    private static IResult Refresh(HttpContext context, PlaygroundConversations conversations) =>
        conversations.Refresh(context.Request.Headers.Authorization, out var token, out var conversation)
            ? Conversation(conversation!, token)
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);

    // With a token (from tokens/generate) this is the token's conversation; with none, the demo
    // conversation and a new token, as starting a conversation with a secret would give.
    private static async Task<IResult> StartAsync(HttpContext context, PlaygroundConversations conversations, PlaygroundBot bot)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return await GenerateAsync(context, conversations, bot).ConfigureAwait(false);
        }

        return conversations.Find(authorization, out var token) is { } conversation
            ? Conversation(conversation, token)
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static IResult Resume(HttpContext context, string conversationId, PlaygroundConversations conversations) =>
        conversations.Find(context.Request.Headers.Authorization, out var token, conversationId) is { } conversation
            ? Conversation(conversation, token)
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);

    private static IResult GetActivities(HttpContext context, string conversationId, string? watermark, PlaygroundConversations conversations)
    {
        if (conversations.Find(context.Request.Headers.Authorization, out _, conversationId) is not { } conversation)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var from = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var (activities, next) = conversation.Since(from);
        return TypedResults.Json(new JsonObject
        {
            ["activities"] = activities,
            ["watermark"] = next.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static async Task<IResult> PostActivityAsync(HttpContext context, string conversationId, PlaygroundConversations conversations, PlaygroundBot bot)
    {
        if (conversations.Find(context.Request.Headers.Authorization, out _, conversationId) is not { } conversation)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var posted = await PlaygroundHttp.ReadObjectAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (posted is null || posted["type"] is not JsonValue || posted["from"] is not JsonObject from || from["id"] is not JsonValue)
        {
            return TypedResults.BadRequest();
        }

        // The echo every member's Web Chat receives; its own Web Chat matches it by clientActivityID.
        var echo = (JsonObject)posted.DeepClone();
        echo.Remove("id");
        echo.Remove("timestamp");
        echo["channelId"] = PlaygroundBot.ChannelId;
        echo["conversation"] = new JsonObject { ["id"] = conversation.Id };
        echo["from"] = new JsonObject { ["id"] = from["id"]!.DeepClone(), ["name"] = from["name"]?.DeepClone(), ["role"] = "user" };
        var id = conversation.Append(echo);

        var response = await bot.ForwardAsync(conversation, (JsonObject)echo.DeepClone(), PlaygroundHttp.ServiceUrl(context), context.RequestAborted).ConfigureAwait(false);
        return response is { Status: >= 400 } refused
            ? TypedResults.StatusCode(refused.Status)
            : TypedResults.Json(new JsonObject { ["id"] = id });
    }

    internal static Task<PlaygroundConversation> DemoAsync(HttpContext context, PlaygroundConversations conversations, PlaygroundBot bot)
    {
        var serviceUrl = PlaygroundHttp.ServiceUrl(context);
        return conversations.DemoAsync(conversation => bot.WelcomeAsync(conversation, serviceUrl, context.RequestAborted), context.RequestAborted);
    }

    private static IResult Conversation(PlaygroundConversation conversation, string token) => TypedResults.Json(new JsonObject
    {
        ["conversationId"] = conversation.Id,
        ["token"] = token,
        ["expires_in"] = (int)PlaygroundConversations.TokenLifetime.TotalSeconds,
    });
}
