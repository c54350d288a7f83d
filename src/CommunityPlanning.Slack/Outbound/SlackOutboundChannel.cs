using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Outbound;

/// <summary>
/// Makes stored Slack calls. Rate limits, Slack's own server errors, network errors and timeouts come back as
/// "try later"; other refusals as "failed". Where the bot is not in the channel, a slash command or shortcut is answered
/// through its response_url; an update that can no longer be made is posted afresh when the plan asked for it;
/// a modal that cannot be opened (expired trigger) becomes a message with a button, or for a message shortcut a
/// private note through its response_url.
/// </summary>
internal sealed partial class SlackOutboundChannel(SlackApiClient api, ILogger<SlackOutboundChannel> logger) : IOutboundChannel
{
    private static readonly HashSet<string> NotAMember = new(StringComparer.Ordinal) { "not_in_channel", "channel_not_found" };

    private static readonly HashSet<string> Passing = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "http_429",
    };

    public bool Serves(string channel) => string.Equals(channel, SlackAddress.Channel, StringComparison.Ordinal);

    public async Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
    {
        SlackOutboundMessage? call;
        try
        {
            call = SlackOutboundMessage.Read(message);
        }
        catch (JsonException)
        {
            call = null;
        }

        if (call is null)
        {
            return DeliveryResult.Refused("unreadable");
        }

        try
        {
            return await CallAsync(call.Workspace, call, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            return Passing.Contains(ex.Error) || ex.Error.StartsWith("http_5", StringComparison.Ordinal)
                ? DeliveryResult.Later(ex.Error)
                : DeliveryResult.Refused(ex.Error);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Later("network " + ex.HttpRequestError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Later("timeout");
        }
    }

    // Fallback calls inside a stored call are made for the stored call's workspace.
    private async Task<DeliveryResult> CallAsync(SlackWorkspace workspace, SlackOutboundMessage call, CancellationToken cancellationToken)
    {
        switch (call.Op)
        {
            case SlackOperation.Modal:
                try
                {
                    await api.OpenViewAsync(workspace, call.TriggerId ?? string.Empty, call.View ?? [], cancellationToken).ConfigureAwait(false);
                    return DeliveryResult.Done();
                }
                catch (SlackApiException ex)
                {
                    // Usually an expired trigger (3 seconds): the form is posted with a button instead.
                    LogModalFailed(logger, ex.Error);
                }

                string? first = null;
                foreach (var fallback in call.Fallback ?? [])
                {
                    var result = await CallAsync(workspace, fallback, cancellationToken).ConfigureAwait(false);
                    first ??= result.MessageId;
                }

                return DeliveryResult.Done(first);
            case SlackOperation.Update:
                try
                {
                    await api.UpdateMessageAsync(workspace, call.Channel, call.Ts ?? string.Empty, call.Message, cancellationToken).ConfigureAwait(false);
                    return DeliveryResult.Done();
                }
                catch (SlackApiException ex) when (call.PostIfUpdateFails && !Passing.Contains(ex.Error))
                {
                    LogReplaceFailed(logger, ex.Error);
                    return await CallAsync(workspace, call with { Op = SlackOperation.Post }, cancellationToken).ConfigureAwait(false);
                }

            case SlackOperation.Ephemeral:
            case SlackOperation.Post:
                try
                {
                    if (call.Op == SlackOperation.Ephemeral)
                    {
                        await api.PostEphemeralAsync(workspace, call.Channel, call.User ?? string.Empty, call.Message, call.ThreadTs, cancellationToken).ConfigureAwait(false);
                        return DeliveryResult.Done();
                    }

                    return DeliveryResult.Done(await api.PostMessageAsync(workspace, call.Channel, call.Message, call.ThreadTs, cancellationToken).ConfigureAwait(false));
                }
                catch (SlackApiException ex) when (call.ResponseUrl is { } responseUrl && NotAMember.Contains(ex.Error))
                {
                    // /plan or a message shortcut used in a channel the bot has not been added to: answer through
                    // the request's response_url.
                    LogUsedResponseUrl(logger, ex.Error);
                    await api.PostToResponseUrlAsync(responseUrl, call.Message, inChannel: call.Op == SlackOperation.Post, cancellationToken).ConfigureAwait(false);
                    return DeliveryResult.Done();
                }

            case SlackOperation.Respond when call.ResponseUrl is { } url:
                await api.PostToResponseUrlAsync(url, call.Message, inChannel: false, cancellationToken).ConfigureAwait(false);
                return DeliveryResult.Done();
            case SlackOperation.Respond:
                return await CallAsync(workspace, call with { Op = SlackOperation.Ephemeral }, cancellationToken).ConfigureAwait(false);
            default:
                return DeliveryResult.Refused("unknown-operation");
        }
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Could not open a Slack modal ({Error}); posting the form with a button instead")]
    private static partial void LogModalFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Information, Message = "Answered a /plan command through its response_url ({Error})")]
    private static partial void LogUsedResponseUrl(ILogger logger, string error);

    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Could not update an earlier message ({Error}); posting it afresh")]
    private static partial void LogReplaceFailed(ILogger logger, string error);
}
