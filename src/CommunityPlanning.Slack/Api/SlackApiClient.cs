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
    private readonly ISlackTokenSource _tokens;

    internal SlackApiClient(IHttpClientFactory factory, IOptions<SlackOptions> options, ChannelPacer pacer, TimeProvider clock, ILogger<SlackApiClient> logger, ISlackTokenSource tokens)
    {
        _factory = factory;
        _options = options.Value;
        _pacer = pacer;
        _clock = clock;
        _logger = logger;
        _tokens = tokens;
    }

    /// <summary>Posts a message in a channel (in a message's thread when <paramref name="threadTs"/> is given); returns its ts.</summary>
    public async Task<string> PostMessageAsync(SlackWorkspace workspace, string channel, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _pacer.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var body = MessageBody(message);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        var response = await CallAsync(workspace, "chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        return response["ts"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Replaces a message the bot posted.</summary>
    public async Task UpdateMessageAsync(SlackWorkspace workspace, string channel, string ts, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["ts"] = ts;
        await CallAsync(workspace, "chat.update", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows a message to one person in a channel (in a message's thread when <paramref name="threadTs"/> is given).</summary>
    public async Task PostEphemeralAsync(SlackWorkspace workspace, string channel, string user, SlackMessage message, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["user"] = user;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        await CallAsync(workspace, "chat.postEphemeral", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a modal for the person whose interaction gave the trigger id; returns the view id.</summary>
    public async Task<string> OpenViewAsync(SlackWorkspace workspace, string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(workspace, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken).ConfigureAwait(false);
        return response["view"]?["id"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Replaces an open modal.</summary>
    public async Task UpdateViewAsync(SlackWorkspace workspace, string viewId, JsonObject view, CancellationToken cancellationToken = default) =>
        await CallAsync(workspace, "views.update", new JsonObject { ["view_id"] = viewId, ["view"] = view }, cancellationToken).ConfigureAwait(false);

    /// <summary>The user's profile (<c>user</c> object of users.info).</summary>
    public async Task<JsonObject?> GetUserAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallFormAsync(workspace, "users.info", [new("user", userId)], cancellationToken).ConfigureAwait(false);
        return response["user"] as JsonObject;
    }

    /// <summary>Opens (or finds) the direct message channel with a person; returns its id.</summary>
    public async Task<string> OpenConversationAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(workspace, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
        return response["channel"]?["id"]?.GetValue<string>() ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>
    /// One page of a channel's member ids (conversations.members, cursor paging), asked with the workspace's token.
    /// </summary>
    public async Task<SlackMemberPage> GetChannelMembersAsync(SlackWorkspace workspace, string channel, string? cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        List<KeyValuePair<string, string>> fields = [new("channel", channel), new("limit", "200")];
        if (!string.IsNullOrEmpty(cursor))
        {
            fields.Add(new("cursor", cursor));
        }

        var response = await CallFormAsync(workspace, "conversations.members", fields, cancellationToken).ConfigureAwait(false);
        if (response["members"] is not JsonArray members)
        {
            throw new SlackApiException("conversations.members", "invalid_response");
        }

        var ids = members.Where(m => m?.GetValueKind() == JsonValueKind.String).Select(m => m!.GetValue<string>()).ToList();
        var next = response["response_metadata"]?["next_cursor"];
        return new SlackMemberPage(ids, next?.GetValueKind() == JsonValueKind.String && next.GetValue<string>() is { Length: > 0 } n ? n : null);
    }

    /// <summary>The bot's own user id, from auth.test.</summary>
    public async Task<string?> GetBotUserIdAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default)
    {
        var response = await CallFormAsync(workspace, "auth.test", [], cancellationToken).ConfigureAwait(false);
        return response["user_id"]?.GetValue<string>();
    }

    /// <summary>
    /// Answers through a slash command's or shortcut's response_url (works where the bot is not a member). Only
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

    /// <summary>
    /// Exchanges an OAuth code for the workspace's bot token (<c>oauth.v2.access</c>), authenticated with the app's
    /// client id and secret rather than a bot token.
    /// </summary>
    public Task<JsonObject> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
        IReadOnlyList<KeyValuePair<string, string>> fields = [new("code", code), new("redirect_uri", redirectUri.AbsoluteUri)];
        return SendAsync("oauth.v2.access", () => new FormUrlEncodedContent(fields), new AuthenticationHeaderValue("Basic", basic), cancellationToken);
    }

    /// <summary>Calls a Web API method with a JSON body, with the workspace's bot token.</summary>
    internal async Task<JsonObject> CallAsync(SlackWorkspace workspace, string method, JsonObject body, CancellationToken cancellationToken = default)
    {
        var json = body.ToJsonString();
        var authorization = await BotAuthorizationAsync(workspace, method, cancellationToken).ConfigureAwait(false);
        return await SendAsync(method, () => new StringContent(json, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }), authorization, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls a Web API method with a form body (read methods do not accept JSON), with the workspace's bot token.</summary>
    internal async Task<JsonObject> CallFormAsync(SlackWorkspace workspace, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var authorization = await BotAuthorizationAsync(workspace, method, cancellationToken).ConfigureAwait(false);
        return await SendAsync(method, () => new FormUrlEncodedContent(fields), authorization, cancellationToken).ConfigureAwait(false);
    }

    // The one place a bot token is chosen: the token of the workspace the call is for (ISlackTokenSource).
    private async Task<AuthenticationHeaderValue> BotAuthorizationAsync(SlackWorkspace workspace, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var credentials = await _tokens.GetAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            LogNotInstalled(_logger, method);
            throw new SlackApiException(method, SlackApiException.NotInstalled);
        }

        return new AuthenticationHeaderValue("Bearer", credentials.Token);
    }

    private static JsonObject MessageBody(SlackMessage message) => new()
    {
        ["text"] = message.Text,
        ["blocks"] = message.Blocks.DeepClone(),
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private async Task<JsonObject> SendAsync(string method, Func<HttpContent> content, AuthenticationHeaderValue authorization, CancellationToken cancellationToken)
    {
        var http = _factory.CreateClient(HttpClientName);
        var uri = new Uri(BaseUrl(_options.ApiBaseUrl), method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            request.Headers.Authorization = authorization;
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

    [LoggerMessage(EventId = 4751, Level = LogLevel.Warning, Message = "Slack {Method} was not called: the bot has no token for that workspace (not installed there)")]
    private static partial void LogNotInstalled(ILogger logger, string method);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string method, string error);
}
