using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Outbox;

/// <summary>
/// The dispatcher (on Azurite) leaves a listed group it found with no rows alone for the quiet interval instead of
/// querying it at every tick, and looks at once when this instance leaves rows behind.
/// </summary>
public sealed class OutboxQuietTests
{
    private const string GroupId = "msteams-00000000quietbee";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 12, 19, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { InstanceId = "me" };
    private readonly RequestCounter _plans = new();
    private readonly OutboxTables _tables;

    public OutboxQuietTests()
    {
        _tables = new OutboxTables(_clock, _plans);
    }

    [Fact]
    public async Task ListedGroupWithNoRows_IsQueriedOncePerQuietInterval_NotAtEveryTick()
    {
        await _tables.Store(_options).MarkPendingAsync(GroupId);
        var dispatcher = Dispatcher(new OneChannel());

        await dispatcher.RunOnceAsync();
        var looked = _plans.Reads;
        Assert.True(looked > 0);
        for (var tick = 0; tick < 9; tick++)
        {
            _clock.Advance(_options.Interval);
            await dispatcher.RunOnceAsync();
        }

        Assert.Equal(looked, _plans.Reads);
        _clock.Advance(_options.QuietInterval - (9 * _options.Interval));
        await dispatcher.RunOnceAsync();
        Assert.Equal(looked + 1, _plans.Reads);
    }

    [Fact]
    public async Task ReplyThisInstanceLeftForItsRetry_EndsTheQuiet_AndIsSentAtTheNextTickAfterTheBackoff()
    {
        await _tables.Store(_options).MarkPendingAsync(GroupId);
        var channel = new OneChannel { LaterFirst = true };
        var delivery = _tables.Delivery(_options, channel);
        var dispatcher = new OutboxDispatcher(delivery, _tables.Store(_options), _options, _clock, NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.RunOnceAsync();

        // A turn saves a reply; its send is refused for now, so the row waits for its backoff (2 s).
        var groups = _tables.Groups();
        var state = await groups.LoadAsync(GroupId);
        var now = _clock.GetUtcNow();
        var row = new OutboxRecord(OutboxRecord.BatchId(now.UtcTicks, "t1"), 0, OutboxKind.Reply, OneChannel.Name, "hello")
        {
            ClaimedBy = _options.InstanceId,
            ClaimedUntil = now + _options.ClaimTimeout,
            CreatedAt = now,
        };
        state.Put(row);
        Assert.Equal(SaveOutcome.Saved, await groups.SaveAsync(state, "t1", "t1"));
        Assert.False(await delivery.DeliverSavedAsync([new OutboxEntry(GroupId, row, state.VersionOf(row.Key))]));

        _clock.Advance(_options.Interval);
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal(["hello"], channel.Sent);
    }

    private OutboxDispatcher Dispatcher(OneChannel channel) =>
        new(_tables.Delivery(_options, channel), _tables.Store(_options), _options, _clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Sends everything; with <see cref="LaterFirst"/> it asks for the first message to be tried later.</summary>
    private sealed class OneChannel : IOutboundChannel
    {
        public const string Name = "test";

        private bool _refused;

        public bool LaterFirst { get; init; }

        public List<string> Sent { get; } = [];

        public bool Serves(string channel) => channel == Name;

        public Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
        {
            if (LaterFirst && !_refused)
            {
                _refused = true;
                return Task.FromResult(DeliveryResult.Later("busy"));
            }

            Sent.Add(message);
            return Task.FromResult(DeliveryResult.Done());
        }
    }
}
