using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// Hands what a Web Chat member posts to the bot as a Bot Framework activity (channel "webchat"),
/// through the same <see cref="BotFrameworkHandler"/> as Teams. The activity's serviceUrl is this host's
/// local connector, so the bot's replies come back to the transcript exactly as they would go to Teams.
/// </summary>
internal sealed partial class PlaygroundBot(BotFrameworkHandler handler, ILogger<PlaygroundBot> logger)
{
    /// <summary>The channel id the bot sees.</summary>
    public const string ChannelId = "webchat";

    /// <summary>The bot's account in the transcript.</summary>
    public const string BotId = "playground-bot";

    /// <summary>The bot's name in the transcript.</summary>
    public const string BotName = "PlanBot";

    /// <summary>The longest name or id taken from a posted activity.</summary>
    private const int MaxIdLength = 200;

    /// <summary>Tells the bot it was added to a new conversation, as Direct Line does; it answers with its welcome.</summary>
    public async Task<BotResponse> WelcomeAsync(PlaygroundConversation conversation, string serviceUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var activity = Base(conversation, "conversationUpdate", conversation.NewActivityId(), serviceUrl, new JsonObject { ["id"] = BotId, ["name"] = BotName });
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId, ["name"] = BotName } };
        return await SendAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Passes a member's activity (as echoed into the transcript, with its id and time) to the bot.
    /// Null when the activity is not one the bot is given (typing, events).
    /// </summary>
    public async Task<BotResponse?> ForwardAsync(PlaygroundConversation conversation, JsonObject echoed, string serviceUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(echoed);
        if (!string.Equals(Text(echoed["type"]), "message", StringComparison.Ordinal))
        {
            return null;
        }

        var from = echoed["from"] as JsonObject;
        var activity = Base(conversation, "message", Text(echoed["id"])!, serviceUrl, new JsonObject
        {
            ["id"] = Limit(Text(from?["id"])),
            ["name"] = Limit(Text(from?["name"])),
        });
        foreach (var key in (ReadOnlySpan<string>)["timestamp", "text", "textFormat", "locale", "value", "replyToId", "channelData"])
        {
            if (echoed[key] is { } node)
            {
                activity[key] = node.DeepClone();
            }
        }

        return await SendAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Base(PlaygroundConversation conversation, string type, string id, string serviceUrl, JsonObject from) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = ChannelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = from,
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversation.Id, ["isGroup"] = true },
    };

    private async Task<BotResponse> SendAsync(JsonObject json, CancellationToken cancellationToken)
    {
        // Read back through the protocol's own serializer, exactly as /api/messages reads a request body.
        var activity = ActivityJson.Read(Encoding.UTF8.GetBytes(json.ToJsonString()))
            ?? throw new InvalidOperationException("The playground built an activity the protocol cannot read.");
        var response = await handler.HandleAsync(activity, authorization: null, IPAddress.Loopback, cancellationToken).ConfigureAwait(false);
        if (response.Status == StatusCodes.Status401Unauthorized)
        {
            LogNeedsLocalMode(logger);
        }
        else if (response.Status >= 400)
        {
            LogRefused(logger, activity.Type ?? "(none)", response.Status);
        }

        return response;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "The bot refused the playground's activity because MicrosoftAppId is set; leave it empty to use the playground")]
    private static partial void LogNeedsLocalMode(ILogger logger);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The bot answered the playground's {Type} activity with {Status}")]
    private static partial void LogRefused(ILogger logger, string type, int status);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Limit(string? text) => text is { Length: > MaxIdLength } ? text[..MaxIdLength] : text;
}
