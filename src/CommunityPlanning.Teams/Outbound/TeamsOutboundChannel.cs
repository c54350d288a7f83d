using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Teams.Outbound;

/// <summary>
/// Sends stored Bot Framework messages (Teams, Emulator, the playground) with one Connector call each. Rate
/// limits, 412, 429 and 5xx answers, network errors and timeouts come back as "try later" (with the
/// Connector's Retry-After); other refusals as "failed", except that an update which can no longer be made
/// falls back to a new message when the plan asked for that.
/// </summary>
public sealed partial class TeamsOutboundChannel(ConnectorClient connector, ILogger<TeamsOutboundChannel> logger) : IOutboundChannel
{
    /// <inheritdoc />
    public bool Serves(string channel) => !string.Equals(channel, "slack", StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
    {
        TeamsOutboundMessage? stored;
        Activity? activity;
        try
        {
            stored = TeamsOutboundMessage.Read(message);
            activity = stored is null ? null : ActivityJson.Read(Encoding.UTF8.GetBytes(stored.Activity.ToJsonString()));
        }
        catch (JsonException)
        {
            stored = null;
            activity = null;
        }

        if (stored is null || activity is null)
        {
            return DeliveryResult.Refused("unreadable");
        }

        if (stored.UpdateId is { } earlier)
        {
            var updated = await CallAsync(stored, earlier, activity, cancellationToken).ConfigureAwait(false);
            if (updated.Status != DeliveryStatus.Failed || !stored.PostIfUpdateFails)
            {
                return updated.Status == DeliveryStatus.Delivered ? DeliveryResult.Done() : updated;
            }

            LogUpdateFellBack(logger, updated.Reason ?? "(none)");
        }

        return await CallAsync(stored, null, activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> CallAsync(TeamsOutboundMessage stored, string? activityId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            // The local playground's transcript has no rate limit to keep inside.
            var throttled = !string.Equals(activity.ChannelId, "webchat", StringComparison.Ordinal);
            var id = await connector.DeliverOnceAsync(stored.ServiceUrl, stored.ConversationId, activityId, activity, throttled, cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Done(activityId is null ? id : null);
        }
        catch (ConnectorThrottledException ex)
        {
            return DeliveryResult.Later("throttled", ex.Wait);
        }
        catch (ConnectorException ex) when (ex.Status is { } status)
        {
            var code = ((int)status).ToString(CultureInfo.InvariantCulture) + (ex.ErrorCode is { } e ? " " + e : string.Empty);
            return status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout || (int)status >= 500
                ? DeliveryResult.Later(code, ex.RetryAfter)
                : DeliveryResult.Refused(code);
        }
        catch (ConnectorException ex)
        {
            // Refused before sending (service URL not allowed) or no token: the token may come back, the URL won't.
            return ex.InnerException is null ? DeliveryResult.Refused("not-allowed") : DeliveryResult.Later("token");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Later("network " + (ex.HttpRequestError.ToString()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The HttpClient's own timeout: the Connector may have taken it, so a repeat is possible.
            return DeliveryResult.Later("timeout");
        }
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Could not update an earlier message ({Reason}); posting it afresh")]
    private static partial void LogUpdateFellBack(ILogger logger, string reason);
}
