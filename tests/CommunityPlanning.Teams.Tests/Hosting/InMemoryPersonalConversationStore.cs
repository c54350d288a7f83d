using System.Collections.Concurrent;
using CommunityPlanning.Conversations.Proactive;

namespace CommunityPlanning.Teams.Tests.Hosting;

/// <summary>People's 1:1 chats in memory, for tests of code that uses the port.</summary>
public sealed class InMemoryPersonalConversationStore : IPersonalConversationStore
{
    public ConcurrentDictionary<(string Channel, string Tenant, string UserId), PersonalConversation> Saved { get; } = new();

    public int Saves { get; private set; }

    public bool Fail { get; set; }

    public Task SaveAsync(PersonalConversation conversation, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            throw new InvalidOperationException("Storage is down.");
        }

        Saves++;
        Saved[(conversation.Channel, conversation.Tenant, conversation.UserId)] = conversation;
        return Task.CompletedTask;
    }

    public Task<PersonalConversation?> FindAsync(string channel, string tenant, string userId, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            throw new InvalidOperationException("Storage is down.");
        }

        return Task.FromResult(Saved.GetValueOrDefault((channel, tenant, userId)));
    }
}
