using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Outbox;

/// <summary>
/// An instance stopped part-way through a group's outbox (on Azurite): the rows it finished are deleted and the rows
/// it still claimed are handed back, so the next instance does them at once rather than after the claims run out.
/// </summary>
public sealed class OutboxShutdownTests
{
    private const string GroupId = "msteams-0123456789abcdef";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
    private readonly OutboxTables _tables;

    public OutboxShutdownTests()
    {
        _tables = new OutboxTables(_clock);
    }

    [Fact]
    public async Task DeliverSaved_HostStopsDuringTheSecondSend_SendFinishesBothDeletedRestHandedBack_NextInstanceSendsItAtOnce()
    {
        var first = new OutboxOptions { InstanceId = "first" };
        using var stopping = new CancellationTokenSource();
        var stopsOnSecond = new Channel(stopAt: 2, stopping);
        var entries = await SaveClaimedRowsAsync(first, "one", "two", "three");

        var allDone = await Delivery(first, stopsOnSecond).DeliverSavedAsync(entries, stopping.Token);

        Assert.False(allDone);
        Assert.Equal(["one", "two"], stopsOnSecond.Sent);
        var left = await Store(first).ListAsync(GroupId);
        Assert.Equal(["three"], left.Select(e => e.Record.Payload));
        Assert.All(left, e => Assert.False(e.Record.IsClaimed(_clock.GetUtcNow()), $"Row {e.Record.Payload} is still claimed by {e.Record.ClaimedBy}."));

        // The next instance, at the same moment: nothing waits for the first one's claims to run out.
        var second = new OutboxOptions { InstanceId = "second" };
        var recording = new Channel(stopAt: 0, null);
        Assert.Equal(1, await Delivery(second, recording).DrainGroupAsync(GroupId));
        Assert.Equal(["three"], recording.Sent);
        Assert.Empty(await Store(second).ListAsync(GroupId));
    }

    [Fact]
    public async Task DeliverSaved_NotStopped_EveryRowSentAndDeleted()
    {
        var options = new OutboxOptions { InstanceId = "first" };
        var channel = new Channel(stopAt: 0, null);
        var entries = await SaveClaimedRowsAsync(options, "one", "two");

        Assert.True(await Delivery(options, channel).DeliverSavedAsync(entries));

        Assert.Equal(["one", "two"], channel.Sent);
        Assert.Empty(await Store(options).ListAsync(GroupId));
    }

    private async Task<IReadOnlyList<OutboxEntry>> SaveClaimedRowsAsync(OutboxOptions options, params string[] payloads)
    {
        var now = _clock.GetUtcNow();
        var batch = OutboxRecord.BatchId(now.UtcTicks, "nonce1");
        var state = new GroupState(GroupId);
        var rows = payloads.Select((p, i) => new OutboxRecord(batch, i, OutboxKind.Reply, Channel.Name, p)
        {
            ClaimedBy = options.InstanceId,
            ClaimedUntil = now + options.ClaimTimeout,
            CreatedAt = now,
        }).ToList();
        foreach (var row in rows)
        {
            state.Put(row);
        }

        await Store(options).MarkPendingAsync(GroupId);
        var store = _tables.Groups();
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(state, "turn-1", "nonce1"));
        return rows.Select(r => new OutboxEntry(GroupId, r, state.VersionOf(r.Key))).ToList();
    }

    private TableOutboxStore Store(OutboxOptions options) => _tables.Store(options);

    private OutboxDelivery Delivery(OutboxOptions options, Channel channel) => _tables.Delivery(options, channel);

    /// <summary>
    /// Records what it sends; with <c>stopAt</c> set, the host stops while that send is under way, and the send fails
    /// if it is cut short rather than allowed to finish.
    /// </summary>
    private sealed class Channel(int stopAt, CancellationTokenSource? stopping) : IOutboundChannel
    {
        public const string Name = "test";

        public List<string> Sent { get; } = [];

        public bool Serves(string channel) => channel == Name;

        public async Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            if (Sent.Count == stopAt)
            {
                await stopping!.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return DeliveryResult.Done();
        }
    }
}
