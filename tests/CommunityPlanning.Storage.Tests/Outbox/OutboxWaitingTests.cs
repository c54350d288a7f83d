using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Outbox;

/// <summary>
/// A turn saved while the group's earlier replies are still being sent (on Azurite): its replies wait behind them,
/// and the moment that send ends the instance says so, so they go at once rather than at the dispatcher's next tick.
/// </summary>
public sealed class OutboxWaitingTests
{
    private const string GroupId = "msteams-00000000feedbeef";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 12, 19, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { InstanceId = "me" };
    private readonly OutboxTables _tables;

    public OutboxWaitingTests()
    {
        _tables = new OutboxTables(_clock);
    }

    [Fact]
    public async Task LaterTurnsReplies_WaitForTheSendUnderWay_AndAreFreedTheMomentItEnds()
    {
        var channel = new HeldChannel(holds: "first");
        var delivery = Delivery(channel);
        var freed = new List<string>();
        delivery.GroupFreed += freed.Add;
        var first = await SaveAsync("turn-1", "first", claimed: true);
        var second = await SaveAsync("turn-2", "second", claimed: false);

        // The first turn's reply is being sent...
        var sending = delivery.DeliverSavedAsync(first);
        await channel.Holding;

        // ...when the second turn saves: its reply waits, and a drain (the dispatcher, nudged) cannot take it yet.
        Assert.False(await delivery.DeliverSavedAsync(second));
        Assert.Equal(0, await delivery.DrainGroupAsync(GroupId));
        Assert.Empty(freed);

        // The first send ends: the group is freed, and the waiting reply goes, after the first.
        channel.Release();
        Assert.True(await sending);
        Assert.Equal([GroupId], freed);
        Assert.Equal(1, await delivery.DrainGroupAsync(GroupId));
        Assert.Equal(["first", "second"], channel.Sent);
        Assert.Empty(await Store().ListAsync(GroupId));
    }

    [Fact]
    public async Task ReplyWaitingForItsRetry_AloneOnTheGroup_IsNotFreed()
    {
        var channel = new HeldChannel(holds: null) { Later = "retry-me" };
        var delivery = Delivery(channel);
        var freed = new List<string>();
        delivery.GroupFreed += freed.Add;
        var rows = await SaveAsync("turn-1", "retry-me", claimed: true);

        Assert.False(await delivery.DeliverSavedAsync(rows));
        Assert.Equal(0, await delivery.DrainGroupAsync(GroupId));

        // Nothing else was under way, so nothing was freed: the row waits for its backoff, not for a nudge loop.
        Assert.Empty(freed);
        Assert.Single(await Store().ListAsync(GroupId));
    }

    private async Task<IReadOnlyList<OutboxEntry>> SaveAsync(string turnId, string payload, bool claimed)
    {
        var now = _clock.GetUtcNow();
        var groups = _tables.Groups();
        var state = await groups.LoadAsync(GroupId);
        var ticks = now.UtcTicks + state.OfType<OutboxRecord>().Count();
        var row = new OutboxRecord(OutboxRecord.BatchId(ticks, turnId), 0, OutboxKind.Reply, HeldChannel.Name, payload)
        {
            ClaimedBy = claimed ? _options.InstanceId : null,
            ClaimedUntil = claimed ? now + _options.ClaimTimeout : null,
            CreatedAt = now,
        };
        state.Put(row);
        await Store().MarkPendingAsync(GroupId);
        Assert.Equal(SaveOutcome.Saved, await groups.SaveAsync(state, turnId, turnId));
        return [new OutboxEntry(GroupId, row, state.VersionOf(row.Key))];
    }

    private TableOutboxStore Store() => _tables.Store(_options);

    private OutboxDelivery Delivery(HeldChannel channel) => _tables.Delivery(_options, channel);

    /// <summary>Records what it sends; holds the send of <c>holds</c> until released, and answers "later" for <see cref="Later"/>.</summary>
    private sealed class HeldChannel(string? holds) : IOutboundChannel
    {
        public const string Name = "test";

        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Sent { get; } = [];

        public string? Later { get; init; }

        public Task Holding => _holding.Task;

        public void Release() => _released.TrySetResult();

        public bool Serves(string channel) => channel == Name;

        public async Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
        {
            if (message == Later)
            {
                return DeliveryResult.Later("busy");
            }

            if (message == holds)
            {
                _holding.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            Sent.Add(message);
            return DeliveryResult.Done();
        }
    }
}
