using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Teams.Protocol;

namespace CommunityPlanning.Teams.Outbound;

/// <summary>
/// Renders planned replies for the Bot Framework conversation an activity came from: a new message, or a PUT of
/// an earlier one (with a new message as the fallback where the plan asks for it). Teams has no private message
/// outside an invoke response, so a private reply is a message in the conversation.
/// </summary>
public sealed class TeamsReplyRenderer(ReplyActivityBuilder builder, Activity inbound) : IReplyRenderer
{
    /// <inheritdoc />
    public string Channel => inbound.ChannelId ?? "msteams";

    /// <inheritdoc />
    public IReadOnlyList<string> Render(PlannedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = builder.Build(reply.Reply, inbound);
        var message = new TeamsOutboundMessage
        {
            ServiceUrl = inbound.ServiceUrl!,
            ConversationId = inbound.Conversation!.Id!,
            Activity = JsonNode.Parse(ActivityJson.Write(activity))!.AsObject(),
        };
        return reply.Action switch
        {
            DeliveryAction.Inline => [],
            DeliveryAction.Update => [(message with { UpdateId = reply.MessageId, PostIfUpdateFails = reply.PostIfUpdateFails }).ToJson()],
            _ => [message.ToJson()],
        };
    }
}
