using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// Keeps messages to one channel about a second apart (Slack's chat.postMessage limit), without
/// slowing other channels. Each caller reserves the next free slot for its channel and waits for it.
/// </summary>
internal sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 2000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = options.Value.MessageInterval;

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken = default)
    {
        if (_interval <= TimeSpan.Zero)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var slot = now;
        _next.AddOrUpdate(
            channel,
            _ =>
            {
                slot = now;
                return now + _interval;
            },
            (_, next) =>
            {
                slot = next > now ? next : now;
                return slot + _interval;
            });
        if (_next.Count > PruneAbove)
        {
            Prune(now);
        }

        var wait = slot - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (channel, next) in _next)
        {
            if (next < now)
            {
                _next.TryRemove(new KeyValuePair<string, DateTimeOffset>(channel, next));
            }
        }
    }
}
