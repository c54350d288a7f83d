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
        var window = _windows.GetOrAdd(conversationId, _ => new Window());
        while (true)
        {
            TimeSpan wait;
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

                if (wait <= TimeSpan.Zero)
                {
                    window.Sends.Enqueue(now);
                    return;
                }
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Sends { get; } = new();
    }
}
