using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Outbound;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Proactive;

/// <summary>
/// Reminders, digests and meeting cards for Slack groups: chat.postMessage in the stored channel, or
/// in a direct message opened with conversations.open for one person.
/// </summary>
public sealed partial class SlackProactiveMessenger : IProactiveMessenger
{
    // Errors that will not go away by trying again.
    private static readonly HashSet<string> Unreachable = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "user_disabled",
        "cannot_dm_bot", "account_inactive", "invalid_auth", "not_authed", "token_revoked", "missing_scope",
        SlackApiException.NotInstalled,
    };

    private readonly SlackApiClient _api;
    private readonly ILogger<SlackProactiveMessenger> _logger;

    /// <summary>Creates the messenger.</summary>
    public SlackProactiveMessenger(SlackApiClient api, ILogger<SlackProactiveMessenger> logger)
    {
        _api = api;
        _logger = logger;
    }

    /// <inheritdoc />
    public bool Serves(string channel) => string.Equals(channel, SlackAddress.Channel, StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reply);
        if (!reference.Address.TryGetValue(SlackAddress.ChannelId, out var channel))
        {
            return ProactiveResult.RecipientUnreachable;
        }

        return await SendAsync(SlackWorkspace.Of(reference.Address), channel, reply, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IReplyRenderer? GroupRenderer(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Address.TryGetValue(SlackAddress.ChannelId, out var channel)
            ? new SlackReplyRenderer(new SlackTarget(reference.Address.GetValueOrDefault(SlackAddress.TeamId) ?? string.Empty, channel, string.Empty) { EnterpriseId = reference.Address.GetValueOrDefault(SlackAddress.EnterpriseId) }, modalClosed: false)
            : null;
    }

    /// <inheritdoc />
    public async Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(reply);
        string channel;
        var workspace = SlackWorkspace.Of(reference.Address);
        try
        {
            channel = await _api.OpenConversationAsync(workspace, member.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            return Classify(ex);
        }
        catch (HttpRequestException ex)
        {
            LogSendFailed(_logger, ex.Message);
            return ProactiveResult.Failed;
        }

        return await SendAsync(workspace, channel, reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProactiveResult> SendAsync(SlackWorkspace workspace, string channel, Reply reply, CancellationToken cancellationToken)
    {
        // Nobody is there to act on a private reply or replace a card: everything is a new message.
        var messages = BlockKitRenderer.RenderReply(reply with { Mode = ReplyMode.New });
        try
        {
            foreach (var message in messages)
            {
                await _api.PostMessageAsync(workspace, channel, message, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return ProactiveResult.Sent;
        }
        catch (SlackApiException ex)
        {
            return Classify(ex);
        }
        catch (HttpRequestException ex)
        {
            LogSendFailed(_logger, ex.Message);
            return ProactiveResult.Failed;
        }
    }

    private ProactiveResult Classify(SlackApiException ex)
    {
        LogSendFailed(_logger, ex.Error);
        return Unreachable.Contains(ex.Error) ? ProactiveResult.RecipientUnreachable : ProactiveResult.Failed;
    }

    [LoggerMessage(EventId = 4160, Level = LogLevel.Warning, Message = "A proactive Slack message was not sent: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
