using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Teams.Hosting;

/// <summary>
/// Proactive messages over the Bot Framework (Teams, and the local playground): to a group's stored
/// conversation, or to one person in a 1:1 chat the bot creates.
/// </summary>
public sealed partial class TeamsProactiveMessenger(ConnectorClient connector, ReplyActivityBuilder replies, ILogger<TeamsProactiveMessenger> logger) : IProactiveMessenger
{
    /// <inheritdoc />
    public bool Serves(string channel) => !string.Equals(channel, "slack", StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var address = reference.Address;
        return SendAsync(address, address.GetValueOrDefault(TeamsAddress.ConversationId), reply, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(member);
        var address = reference.Address;
        if (!address.TryGetValue(TeamsAddress.ServiceUrl, out var serviceUrl))
        {
            return ProactiveResult.Failed;
        }

        var tenant = address.GetValueOrDefault(TeamsAddress.TenantId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = Bot(address),
            Members = [new ChannelAccount { Id = member.Id, Name = member.Name }],
            TenantId = tenant,
            ChannelData = tenant is null ? null : JsonSerializer.SerializeToElement(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } }, CardJson.Default.JsonObject),
        };
        try
        {
            var conversationId = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
            return await SendAsync(address, conversationId, reply, cancellationToken).ConfigureAwait(false);
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
            return ProactiveResult.RecipientUnreachable;
        }
        catch (ConnectorException)
        {
            return ProactiveResult.Failed;
        }
    }

    private static ChannelAccount? Bot(IReadOnlyDictionary<string, string> address) =>
        address.TryGetValue(TeamsAddress.BotId, out var id) ? new ChannelAccount { Id = id, Name = address.GetValueOrDefault(TeamsAddress.BotName) } : null;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "A member has not installed the app, so a private message could not be sent")]
    private static partial void LogNotInstalled(ILogger logger);
}
