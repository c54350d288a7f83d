using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Outbound;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// Proactive messages over the Bot Framework (Teams, and the local playground): to a group's stored
/// conversation, or to one person privately: in their stored 1:1 chat when they installed the app
/// personally, otherwise in a 1:1 chat the bot creates (and then remembers).
/// </summary>
public sealed partial class TeamsProactiveMessenger(
    ConnectorClient connector,
    ReplyActivityBuilder replies,
    TimeProvider clock,
    ILogger<TeamsProactiveMessenger> logger,
    IPersonalConversationStore? personalChats = null) : IProactiveMessenger
{
    /// <inheritdoc />
    public bool Serves(string channel) => !string.Equals(channel, "slack", StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reply);
        var address = reference.Address;
        return SendAsync(address, address.GetValueOrDefault(TeamsAddress.ConversationId), reply, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(reply);
        var address = reference.Address;
        var tenant = address.GetValueOrDefault(TeamsAddress.TenantId);
        var stored = await FindPersonalChatAsync(reference.Channel, tenant ?? string.Empty, member.Id, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            var result = await SendAsync(stored.Address, stored.Address.GetValueOrDefault(TeamsAddress.ConversationId), reply, cancellationToken).ConfigureAwait(false);
            if (result != ProactiveResult.Failed)
            {
                return result;
            }

            // The stored chat may be gone; creating the 1:1 chat again returns the current one.
        }

        if (!address.TryGetValue(TeamsAddress.ServiceUrl, out var serviceUrl))
        {
            return ProactiveResult.Failed;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = Bot(address),
            Members = [new ChannelAccount { Id = member.Id, Name = member.Name }],
            TenantId = tenant,
            ChannelData = tenant is null ? null : JsonSerializer.SerializeToElement(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } }, CardJson.Default.JsonObject),
        };
        string? conversationId;
        try
        {
            conversationId = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.RecipientNotInstalled)
        {
            LogNotInstalled(logger);
            return ProactiveResult.RecipientUnreachable;
        }
        catch (ConnectorException)
        {
            return ProactiveResult.Failed;
        }

        var sent = await SendAsync(address, conversationId, reply, cancellationToken).ConfigureAwait(false);
        if (sent == ProactiveResult.Sent && conversationId is not null)
        {
            var personal = new Dictionary<string, string>(address, StringComparer.Ordinal) { [TeamsAddress.ConversationId] = conversationId };
            await RememberPersonalChatAsync(new PersonalConversation(reference.Channel, tenant ?? string.Empty, member.Id, personal, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<PersonalConversation?> FindPersonalChatAsync(string channel, string tenant, string userId, CancellationToken cancellationToken)
    {
        if (personalChats is null)
        {
            return null;
        }

        try
        {
            return await personalChats.FindAsync(channel, tenant, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage trouble should not stop a reminder: creating the chat still reaches them.
            LogStoreFailed(logger, ex);
            return null;
        }
    }

    private async Task RememberPersonalChatAsync(PersonalConversation conversation, CancellationToken cancellationToken)
    {
        if (personalChats is null)
        {
            return;
        }

        try
        {
            await personalChats.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, ex);
        }
    }

    private async Task<ProactiveResult> SendAsync(IReadOnlyDictionary<string, string> address, string? conversationId, Reply reply, CancellationToken cancellationToken)
    {
        if (conversationId is null || !address.TryGetValue(TeamsAddress.ServiceUrl, out var serviceUrl))
        {
            return ProactiveResult.Failed;
        }

        var conversation = new ConversationAccount { Id = conversationId, TenantId = address.GetValueOrDefault(TeamsAddress.TenantId) };
        var activity = replies.Build(reply, conversation, Bot(address), null, address.GetValueOrDefault(TeamsAddress.ChannelId), serviceUrl);
        try
        {
            await connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
            return ProactiveResult.Sent;
        }
        catch (ConnectorException ex) when (ex.RecipientNotInstalled)
        {
            LogNotInstalled(logger);
            return ProactiveResult.RecipientUnreachable;
        }
        catch (ConnectorException)
        {
            return ProactiveResult.Failed;
        }
    }

    /// <inheritdoc />
    public IReplyRenderer? GroupRenderer(ConversationReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var address = reference.Address;
        if (!address.TryGetValue(TeamsAddress.ConversationId, out var conversationId) || !address.TryGetValue(TeamsAddress.ServiceUrl, out var serviceUrl))
        {
            return null;
        }

        var inbound = new Activity
        {
            ChannelId = address.GetValueOrDefault(TeamsAddress.ChannelId) ?? reference.Channel,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = address.GetValueOrDefault(TeamsAddress.TenantId) },
            Recipient = Bot(address),
        };
        return new TeamsReplyRenderer(replies, inbound);
    }

    private static ChannelAccount? Bot(IReadOnlyDictionary<string, string> address) =>
        address.TryGetValue(TeamsAddress.BotId, out var id) ? new ChannelAccount { Id = id, Name = address.GetValueOrDefault(TeamsAddress.BotName) } : null;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "A member has not installed the app, so a private message could not be sent")]
    private static partial void LogNotInstalled(ILogger logger);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not read or store a person's private chat")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
