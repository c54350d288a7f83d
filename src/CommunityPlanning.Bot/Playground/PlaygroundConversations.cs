using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The playground's one demo conversation and the Direct Line tokens issued for it. Every member
/// (Pat, Sam, Alex) joins the same conversation, so they are one steering group; only the user id
/// differs. A token is random and opaque, tied to one conversation, and checked on every call.
/// </summary>
internal sealed class PlaygroundConversations(TimeProvider clock) : IDisposable
{
    /// <summary>The demo conversation's id. Fixed, so the demo group's plan outlives a restart.</summary>
    public const string DemoConversationId = "playground-demo";

    /// <summary>How long a token lasts; Direct Line clients refresh well before.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Issued> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private PlaygroundConversation? _demo;
    private PlaygroundConversation? _starting;

    /// <summary>
    /// The demo conversation, created on first use; <paramref name="created"/> runs once for a new one
    /// (the bot's welcome), before anyone can read it.
    /// </summary>
    public async Task<PlaygroundConversation> DemoAsync(Func<PlaygroundConversation, Task> created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (Volatile.Read(ref _demo) is { } existing)
        {
            return existing;
        }

        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_demo is null)
            {
                // Reachable by the bot's Connector calls (the welcome) while it starts, not by clients.
                var conversation = new PlaygroundConversation(DemoConversationId, clock);
                Volatile.Write(ref _starting, conversation);
                try
                {
                    await created(conversation).ConfigureAwait(false);
                    Volatile.Write(ref _demo, conversation);
                }
                finally
                {
                    Volatile.Write(ref _starting, null);
                }
            }

            return _demo;
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>Forgets the demo conversation and every token for it; the next visit starts afresh.</summary>
    public async Task ForgetDemoAsync(CancellationToken cancellationToken = default)
    {
        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _demo, null);
            foreach (var (token, _) in _tokens)
            {
                _tokens.TryRemove(token, out _);
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>Issues a new token for a conversation.</summary>
    public string Issue(PlaygroundConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var now = clock.GetUtcNow();
        foreach (var (old, issued) in _tokens)
        {
            if (issued.Expires <= now)
            {
                _tokens.TryRemove(old, out _);
            }
        }

        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = new Issued(conversation, now + TokenLifetime);
        return token;
    }

    /// <summary>Extends a token's life; false when it is unknown or expired.</summary>
    public bool Refresh(string? authorization, out string token, out PlaygroundConversation? conversation)
    {
        conversation = Find(authorization, out token);
        if (conversation is null)
        {
            return false;
        }

        _tokens[token] = new Issued(conversation, clock.GetUtcNow() + TokenLifetime);
        return true;
    }

    /// <summary>
    /// The conversation an <c>Authorization: Bearer</c> header gives access to, or null. With
    /// <paramref name="conversationId"/>, the token must be for that conversation.
    /// </summary>
    public PlaygroundConversation? Find(string? authorization, out string token, string? conversationId = null)
    {
        token = string.Empty;
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        token = authorization[Scheme.Length..].Trim();
        if (!_tokens.TryGetValue(token, out var issued) || issued.Expires <= clock.GetUtcNow()
            || !ReferenceEquals(issued.Conversation, Volatile.Read(ref _demo))
            || (conversationId is not null && !string.Equals(conversationId, issued.Conversation.Id, StringComparison.Ordinal)))
        {
            return null;
        }

        return issued.Conversation;
    }

    /// <summary>The conversation the bot's Connector calls name, when it is live.</summary>
    public PlaygroundConversation? ForConnector(string conversationId) =>
        (Volatile.Read(ref _demo) ?? Volatile.Read(ref _starting)) is { } live && string.Equals(live.Id, conversationId, StringComparison.Ordinal) ? live : null;

    /// <inheritdoc />
    public void Dispose() => _creating.Dispose();

    private sealed record Issued(PlaygroundConversation Conversation, DateTimeOffset Expires);
}
