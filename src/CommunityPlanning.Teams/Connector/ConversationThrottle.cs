using System.Collections.Concurrent;

namespace CommunityPlanning.Teams.Connector;

/// <summary>
/// Keeps sends to one conversation inside Teams' limits (7 per second, 60 per 30 seconds), waiting
/// rather than drawing 429s. In memory per instance: a guard, not a source of truth.
/// </summary>
public sealed class ConversationThrottle(TimeProvider clock)
{
    private static readonly (int Count, TimeSpan Window)[] Limits = [(7, TimeSpan.FromSeconds(1)), (60, TimeSpan.FromSeconds(30))];
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Waits until a send to the conversation fits the limits, then counts it.</summary>
    public async ValueTask WaitAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        while (!TryAcquire(conversationId, out var wait))
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Counts a send now if it fits the limits; otherwise returns false with how long until it would. For callers
    /// that must not hold a request open (the outbox tries again later instead).
    /// </summary>
    public bool TryAcquire(string conversationId, out TimeSpan wait)
    {
        var window = _windows.GetOrAdd(conversationId, _ => new Window());
        lock (window)
        {
            var now = clock.GetUtcNow();
            while (window.Sends.Count > 0 && now - window.Sends.Peek() > Longest)
            {
                window.Sends.Dequeue();
            }

            wait = TimeSpan.Zero;
            foreach (var (count, span) in Limits)
            {
                var recent = window.Sends.Where(t => now - t < span).ToList();
                if (recent.Count >= count)
                {
                    var free = recent[^count] + span - now;
                    wait = free > wait ? free : wait;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return false;
            }

            window.Sends.Enqueue(now);
            return true;
        }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Sends { get; } = new();
    }
}
