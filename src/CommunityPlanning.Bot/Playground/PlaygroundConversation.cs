using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// One Direct Line conversation of the playground: the transcript every member's Web Chat polls, in
/// memory (it is a local demo; what the bot stores goes to Table Storage as usual). The transcript is a
/// log: a card updated in place is appended again with the same id, so pollers past the original see
/// the change, and Web Chat replaces the activity it already shows.
/// </summary>
internal sealed class PlaygroundConversation
{
    /// <summary>The most entries kept; a demo that runs this long starts to forget its oldest messages.</summary>
    public const int MaxEntries = 5_000;

    private readonly Lock _gate = new();
    private readonly List<JsonObject> _log = [];
    private readonly Dictionary<string, string> _timestamps = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    // Activity ids must never repeat, even after a restart with the same conversation id: the bot
    // de-duplicates on them, and its "seen" rows outlive this in-memory transcript.
    private readonly string _idPrefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private int _trimmed;
    private int _nextId;

    public PlaygroundConversation(string id, TimeProvider clock)
    {
        Id = id;
        _clock = clock;
    }

    /// <summary>The Direct Line conversation id.</summary>
    public string Id { get; }

    /// <summary>A new activity id in this conversation.</summary>
    public string NewActivityId() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id}|{_idPrefix}{Interlocked.Increment(ref _nextId):D7}");

    /// <summary>Appends an activity (stamped with an id and the time when it has none); returns its id.</summary>
    public string Append(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity["id"]?.GetValue<string>() is { Length: > 0 } given ? given : NewActivityId();
        activity["id"] = id;
        activity["timestamp"] ??= Now();
        lock (_gate)
        {
            _timestamps[id] = activity["timestamp"]!.GetValue<string>();
            Add(activity);
        }

        return id;
    }

    /// <summary>
    /// Replaces an activity: appended again with the same id and the original time, so it stays where
    /// it was in Web Chat. False when the activity is not in this transcript.
    /// </summary>
    public bool Replace(string activityId, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (!_timestamps.TryGetValue(activityId, out var timestamp))
            {
                return false;
            }

            activity["id"] = activityId;
            activity["timestamp"] = timestamp;
            Add(activity);
            return true;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, as fresh copies, and the new watermark.</summary>
    public (JsonArray Activities, int Watermark) Since(int watermark)
    {
        lock (_gate)
        {
            var end = _trimmed + _log.Count;
            var from = Math.Clamp(watermark, _trimmed, end);
            var activities = new JsonArray();
            for (var i = from - _trimmed; i < _log.Count; i++)
            {
                activities.Add(_log[i].DeepClone());
            }

            return (activities, end);
        }
    }

    private void Add(JsonObject activity)
    {
        _log.Add(activity);
        if (_log.Count > MaxEntries)
        {
            _log.RemoveAt(0);
            _trimmed++;
        }
    }

    private string Now() => _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
}
