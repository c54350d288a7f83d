using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Proactive;

/// <summary>
/// Sends messages nobody asked for just now: reminders, digests, meeting cards. Each channel supplies
/// its own; the host routes by the reference's channel.
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>True when this messenger serves the channel.</summary>
    bool Serves(string channel);

    /// <summary>Posts a reply in the group's conversation.</summary>
    Task<ProactiveResult> SendToGroupAsync(ConversationReferenceRecord reference, Reply reply, CancellationToken cancellationToken = default);

    /// <summary>Sends a reply to one member privately (a 1:1 chat or direct message).</summary>
    Task<ProactiveResult> SendToMemberAsync(ConversationReferenceRecord reference, MemberRef member, Reply reply, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders replies for the group's conversation as outbox rows (posted by the outbox after the save that
    /// stores them), or null when this messenger can only send at once.
    /// </summary>
    IReplyRenderer? GroupRenderer(ConversationReferenceRecord reference) => null;
}

/// <summary>How a proactive send ended.</summary>
public enum ProactiveResult
{
    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>The person has not installed the app (Teams BotNotInConversationRoster): never retry.</summary>
    RecipientUnreachable,

    /// <summary>A passing failure: worth trying again later.</summary>
    Failed,
}
