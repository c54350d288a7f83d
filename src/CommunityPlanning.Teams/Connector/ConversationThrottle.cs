using System.Collections.Concurrent;

namespace CommunityPlanning.Teams.Connector;

/// <summary>
/// Keeps sends to one conversation inside Teams' limits (7 per second, 60 per 30 seconds), waiting
/// rather than drawing 429s. In memory per instance: a guard, not a source of truth. Conversations with no send in
/// the last 30 seconds are forgotten once more than <see cref="PruneAbove"/> are tracked, so a long-running host
/// does not keep one entry for every conversation it has ever answered.
/// </summary>
public sealed class ConversationThrottle(TimeProvider clock)
{
    /// <summary>How many conversations are tracked before idle ones are forgotten.</summary>
    public const int PruneAbove = 2000;

    private static readonly (int Count, TimeSpan Window)[] Limits = [(7, TimeSpan.FromSeconds(1)), (60, TimeSpan.FromSeconds(30))];
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How many conversations are tracked now.</summary>
    public int Tracked => _windows.Count;

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
        if (_windows.Count > PruneAbove)
        {
            Prune(clock.GetUtcNow());
        }

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

    // A window is removed only while no send of the last 30 seconds is in it; a send racing the removal is counted
    // in a window that is then dropped, which at worst lets one extra send through (Teams would answer it with a 429).
    private void Prune(DateTimeOffset now)
    {
        foreach (var (conversationId, window) in _windows)
        {
            lock (window)
            {
                if (!window.Sends.TryPeek(out _) || now - window.Sends.Last() > Longest)
                {
                    _windows.TryRemove(new KeyValuePair<string, Window>(conversationId, window));
                }
            }
        }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Sends { get; } = new();
    }
}
