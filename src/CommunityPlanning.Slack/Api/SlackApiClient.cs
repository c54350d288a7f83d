using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// The Slack Web API calls the bot makes, with the bot token. A 429 is retried after its Retry-After
/// (bounded); <c>ok: false</c> becomes a <see cref="SlackApiException"/> carrying Slack's error code; messages
/// to one channel are paced about a second apart.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>The name of the HttpClient this client uses.</summary>
    public const string HttpClientName = "slack";

    private const int MaxAttempts = 3;
    private readonly IHttpClientFactory _factory;
    private readonly SlackOptions _options;
    private readonly ChannelPacer _pacer;
    private readonly TimeProvider _clock;
    private readonly ILogger<SlackApiClient> _logger;

    internal SlackApiClient(IHttpClientFactory factory, IOptions<SlackOptions> options, ChannelPacer pacer, TimeProvider clock, ILogger<SlackApiClient> logger)
    {
        _factory = factory;
        _options = options.Value;
        _pacer = pacer;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Posts a message in a channel; returns its ts.</summary>
    public async Task<string> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _pacer.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var body = MessageBody(message);
        body["channel"] = channel;
        var response = await CallAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        return response["ts"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Replaces a message the bot posted.</summary>
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["ts"] = ts;
        await CallAsync("chat.update", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows a message to one person in a channel.</summary>
    public async Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["user"] = user;
        await CallAsync("chat.postEphemeral", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a modal for the person whose interaction gave the trigger id; returns the view id.</summary>
    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken).ConfigureAwait(false);
        return response["view"]?["id"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Replaces an open modal.</summary>
    public async Task UpdateViewAsync(string viewId, JsonObject view, CancellationToken cancellationToken = default) =>
        await CallAsync("views.update", new JsonObject { ["view_id"] = viewId, ["view"] = view }, cancellationToken).ConfigureAwait(false);

    /// <summary>The user's profile (<c>user</c> object of users.info).</summary>
    public async Task<JsonObject?> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallFormAsync("users.info", [new("user", userId)], cancellationToken).ConfigureAwait(false);
        return response["user"] as JsonObject;
    }

    /// <summary>Opens (or finds) the direct message channel with a person; returns its id.</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
        return response["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>
    /// One page of a channel's member ids (conversations.members, cursor paging). The workspace is named so the
    /// call can use that workspace's token once there are several.
    /// </summary>
    public async Task<SlackMemberPage> GetChannelMembersAsync(string teamId, string channel, string? cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        List<KeyValuePair<string, string>> fields = [new("channel", channel), new("limit", "200")];
        if (!string.IsNullOrEmpty(cursor))
        {
            fields.Add(new("cursor", cursor));
        }

        var response = await CallFormAsync("conversations.members", fields, cancellationToken).ConfigureAwait(false);
        if (response["members"] is not JsonArray members)
        {
            throw new SlackApiException("conversations.members", "invalid_response");
        }

        var ids = members.Where(m => m?.GetValueKind() == JsonValueKind.String).Select(m => m!.GetValue<string>()).ToList();
        var next = response["response_metadata"]?["next_cursor"];
        return new SlackMemberPage(ids, next?.GetValueKind() == JsonValueKind.String && next.GetValue<string>() is { Length: > 0 } n ? n : null);
    }

    /// <summary>The bot's own user id, from auth.test.</summary>
    public async Task<string?> GetBotUserIdAsync(CancellationToken cancellationToken = default)
    {
        var response = await CallFormAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
        return response["user_id"]?.GetValue<string>();
    }

    /// <summary>
    /// Answers through a slash command's response_url (works where the bot is not a member). Only
    /// Slack's hooks host is called, and without the bot token.
    /// </summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, bool inChannel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsResponseUrl(responseUrl))
        {
            throw new SlackApiException("response_url", "host_not_allowed");
        }

        var body = MessageBody(message);
        body["response_type"] = inChannel ? "in_channel" : "ephemeral";
        using var content = new StringContent(body.ToJsonString(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
        using var response = await _factory.CreateClient(HttpClientName).PostAsync(responseUrl, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            LogFailed(_logger, "response_url", $"http_{(int)response.StatusCode}");
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    /// <summary>True for a response_url the bot may post to: https on hooks.slack.com (or the configured API host when it is loopback, for tests).</summary>
    public bool IsResponseUrl(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && ((url.Scheme == Uri.UriSchemeHttps && string.Equals(url.Host, "hooks.slack.com", StringComparison.OrdinalIgnoreCase))
            || (_options.ApiBaseUrl.IsLoopback && string.Equals(url.Authority, _options.ApiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Calls a Web API method with a JSON body.</summary>
    internal Task<JsonObject> CallAsync(string method, JsonObject body, CancellationToken cancellationToken = default)
    {
        var json = body.ToJsonString();
        return SendAsync(method, () => new StringContent(json, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }), cancellationToken);
    }

    /// <summary>Calls a Web API method with a form body (read methods do not accept JSON).</summary>
    internal Task<JsonObject> CallFormAsync(string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default) =>
        SendAsync(method, () => new FormUrlEncodedContent(fields), cancellationToken);

    private static JsonObject MessageBody(SlackMessage message) => new()
    {
        ["text"] = message.Text,
        ["blocks"] = message.Blocks.DeepClone(),
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private async Task<JsonObject> SendAsync(string method, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var token = _options.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("Slack:BotToken (or SLACK_BOT_TOKEN) is not set, so the bot cannot call Slack.");
        }

        var http = _factory.CreateClient(HttpClientName);
        var uri = new Uri(BaseUrl(_options.ApiBaseUrl), method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                var wait = RetryAfter(response);
                LogRateLimited(_logger, method, wait.TotalSeconds, attempt);
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(_logger, method, $"http_{(int)response.StatusCode}");
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? result;
            try
            {
                result = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                result = null;
            }

            if (result is null)
            {
                LogFailed(_logger, method, "invalid_response");
                throw new SlackApiException(method, "invalid_response");
            }

            if (result["ok"]?.GetValueKind() != JsonValueKind.True)
            {
                var error = result["error"]?.GetValueKind() == JsonValueKind.String ? result["error"]!.GetValue<string>() : "unknown_error";
                LogFailed(_logger, method, error);
                throw new SlackApiException(method, error);
            }

            return result;
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - _clock.GetUtcNow() : TimeSpan.FromSeconds(1));
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        return wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
    }

    internal static Uri BaseUrl(Uri configured) =>
        configured.AbsoluteUri.EndsWith('/') ? configured : new Uri(configured.AbsoluteUri + "/");

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Slack {Method} was rate limited; retrying in {Seconds} s (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string method, string error);
}
