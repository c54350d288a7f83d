using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Teams.Connector;

/// <summary>
/// The Bot Framework Connector REST client: send, reply, update, create conversation. The service URL
/// is checked against the allowlist before a token is attached; 429, 412, 502, 503 and 504 are retried
/// with exponential backoff and jitter, honouring Retry-After.
/// </summary>
public sealed partial class ConnectorClient(
    HttpClient http,
    IConnectorTokenProvider tokens,
    ServiceUrlPolicy policy,
    ConversationThrottle throttle,
    TimeProvider clock,
    ILogger<ConnectorClient> logger)
{
    /// <summary>Most attempts per call.</summary>
    public const int MaxAttempts = 4;

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Posts a new message in a conversation; returns the new activity's id.</summary>
    public Task<string?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, cancellationToken);

    /// <summary>Replies to an activity (in a channel thread, under it); returns the new activity's id. The activity given is not changed.</summary>
    public Task<string?> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}", WithField(activity, "replyToId", replyToId), cancellationToken);
    }

    /// <summary>Replaces an activity (a card updated in place for everyone). The activity given is not changed.</summary>
    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await SendActivityAsync(HttpMethod.Put, serviceUrl, conversationId, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", WithField(activity, "id", activityId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One try at posting (no <paramref name="activityId"/>) or replacing an activity, for the outbox: no waiting
    /// on the conversation's rate limit and no retries here (the outbox tries again later, honouring
    /// <see cref="ConnectorException.RetryAfter"/>). Returns the new activity's id.
    /// </summary>
    /// <exception cref="ConnectorThrottledException">The conversation's rate limit says wait.</exception>
    public async Task<string?> DeliverOnceAsync(string serviceUrl, string conversationId, string? activityId, Activity activity, bool throttled = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (throttled && !throttle.TryAcquire(conversationId, out var wait))
        {
            throw new ConnectorThrottledException(wait);
        }

        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (activityId is null ? string.Empty : "/" + Uri.EscapeDataString(activityId));
        var body = activityId is null ? ActivityJson.Write(activity) : WithField(activity, "id", activityId);
        var response = await CallAsync(activityId is null ? HttpMethod.Post : HttpMethod.Put, serviceUrl, path, body, conversationId, 1, cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }

    /// <summary>Creates a conversation (a proactive 1:1 chat); returns its id.</summary>
    public async Task<string?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ActivityJson.Default.ConversationParameters);
        var response = await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, "create", MaxAttempts, cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }

    /// <summary>
    /// Reads a Connector resource once (no retries: roster reads are tried again later by their caller); null
    /// on 404 (e.g. a single-member call for someone who is not a member).
    /// </summary>
    public async Task<JsonDocument?> ReadAsync(string serviceUrl, string path, CancellationToken cancellationToken = default)
    {
        try
        {
            var body = await CallRawAsync(HttpMethod.Get, serviceUrl, path, null, "read", 1, cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (ConnectorException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (JsonException ex)
        {
            throw new ConnectorException("The Connector's answer was not JSON.", ex);
        }
    }

    private Task<string?> SendActivityAsync(HttpMethod method, string serviceUrl, string conversationId, string path, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(method, serviceUrl, conversationId, path, ActivityJson.Write(activity), cancellationToken);

    private async Task<string?> SendActivityAsync(HttpMethod method, string serviceUrl, string conversationId, string path, byte[] body, CancellationToken cancellationToken)
    {
        await throttle.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var response = await CallAsync(method, serviceUrl, path, body, conversationId, MaxAttempts, cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }

    // The activity's JSON with one field set: the caller's activity is never changed.
    private static byte[] WithField(Activity activity, string name, string value)
    {
        var json = JsonNode.Parse(ActivityJson.Write(activity))!.AsObject();
        json[name] = value;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private async Task<ResourceResponse?> CallAsync(HttpMethod method, string serviceUrl, string path, byte[] body, string conversationForLogs, int maxAttempts, CancellationToken cancellationToken)
    {
        var text = await CallRawAsync(method, serviceUrl, path, body, conversationForLogs, maxAttempts, cancellationToken).ConfigureAwait(false);
        return text.Length == 0 ? null : TryRead(text);
    }

    private async Task<byte[]> CallRawAsync(HttpMethod method, string serviceUrl, string path, byte[]? body, string conversationForLogs, int maxAttempts, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || !policy.IsAllowed(baseUri))
        {
            // Refused before any token exists for the request: the bot's token must never leave for an unknown host.
            throw new ConnectorException($"Refused to call a service URL that is not on the allowlist ({baseUri?.Host ?? "invalid"}).");
        }

        var target = new Uri(new Uri(baseUri.AbsoluteUri.EndsWith('/') ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/"), path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, target);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            string? token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reported like any other failed call, so callers handle one exception type.
                throw new ConnectorException("Could not get the bot's token for the Connector.", ex);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            var status = response.StatusCode;
            if (!IsRetryable(status) || attempt >= maxAttempts)
            {
                var errorCode = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
                LogFailed(logger, method.Method, (int)status, errorCode ?? "(none)", attempt);
                throw new ConnectorException($"The Connector answered {(int)status} {errorCode}.", status, errorCode, IsRetryable(status) ? RetryDelay(response, attempt) : null);
            }

            var delay = RetryDelay(response, attempt);
            LogRetry(logger, (int)status, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta > MaxRetryAfter ? MaxRetryAfter : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var until = date - clock.GetUtcNow();
            return until <= TimeSpan.Zero ? TimeSpan.Zero : until > MaxRetryAfter ? MaxRetryAfter : until;
        }

#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jitter = Random.Shared.NextDouble() * 0.5 + 0.75;
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1) * jitter);
    }

    private static ResourceResponse? TryRead(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ActivityJson.Default.ResourceResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Connector answered {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int status, int attempt, double delayMs);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Connector {Method} failed with {Status} ({ErrorCode}) after {Attempt} attempts")]
    private static partial void LogFailed(ILogger logger, string method, int status, string errorCode, int attempt);
}
