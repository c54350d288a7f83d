namespace CommunityPlanning.Conversations.Proactive;

/// <summary>
/// Where the bot keeps each person's own 1:1 chat with it (stored when they install the app personally or
/// talk to it privately), across all groups, so private reminders reach them without creating a chat.
/// </summary>
public interface IPersonalConversationStore
{
    /// <summary>Stores (or replaces) a person's 1:1 conversation. The newest one always wins.</summary>
    Task SaveAsync(PersonalConversation conversation, CancellationToken cancellationToken = default);

    /// <summary>The person's 1:1 conversation, or null when none is known.</summary>
    Task<PersonalConversation?> FindAsync(string channel, string tenant, string userId, CancellationToken cancellationToken = default);
}

/// <summary>A person's 1:1 chat with the bot.</summary>
/// <param name="Channel">The channel id, e.g. <c>msteams</c>.</param>
/// <param name="Tenant">The Teams tenant (empty when the channel has none).</param>
/// <param name="UserId">The person's id in the channel (Teams <c>29:…</c>).</param>
/// <param name="Address">The channel's details for reaching the chat (as in <see cref="ConversationReferenceRecord.Address"/>).</param>
/// <param name="Updated">When it was stored.</param>
public sealed record PersonalConversation(
    string Channel,
    string Tenant,
    string UserId,
    IReadOnlyDictionary<string, string> Address,
    DateTimeOffset Updated);
