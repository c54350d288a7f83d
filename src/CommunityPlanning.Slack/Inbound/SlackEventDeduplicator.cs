using System.Collections.Concurrent;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// Event ids seen lately, so Slack's retries are acknowledged at once without queueing the turn again.
/// Only a shortcut: the store's record of handled turns is what makes a redelivery a duplicate.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time an event id is seen (within the last half hour).</summary>
    public bool TryClaim(string eventId)
    {
        var now = clock.GetUtcNow();
        if (_seen.Count > PruneAbove)
        {
            foreach (var (id, expires) in _seen)
            {
                if (expires <= now)
                {
                    _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expires));
                }
            }
        }

        var expiry = now + Lifetime;
        var claimed = false;
        _seen.AddOrUpdate(
            eventId,
            _ =>
            {
                claimed = true;
                return expiry;
            },
            (_, existing) =>
            {
                claimed = existing <= now;
                return claimed ? expiry : existing;
            });
        return claimed;
    }

    /// <summary>Forgets an event that could not be queued, so Slack's retry is taken.</summary>
    public void Release(string eventId) => _seen.TryRemove(eventId, out _);
}
