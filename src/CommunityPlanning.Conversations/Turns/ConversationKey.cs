using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Turns;

/// <summary>Where a turn happened: the channel, the tenant or workspace, and the conversation.</summary>
/// <param name="Channel">Channel id: <c>msteams</c>, <c>slack</c>, <c>webchat</c>, <c>emulator</c>…</param>
/// <param name="Tenant">Teams tenant id or Slack team id (empty when the channel has none).</param>
/// <param name="Conversation">The conversation or channel id.</param>
public sealed record ConversationKey(string Channel, string Tenant, string Conversation)
{
    /// <summary>The steering group this conversation belongs to.</summary>
    public string GroupId => GroupIds.For(Channel, Tenant, Conversation);
}
