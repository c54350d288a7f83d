using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Dormancy;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Dormancy;

public sealed class DormantGroupsTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 10, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Projection_SleepThenWake_RowThereWhileDormantAndGoneAfter()
    {
        var (table, projection) = await NewAsync();
        var state = new GroupState("g1");
        CommunityPlanning.Conversations.Dormancy.Dormancy.Sleep(state, Monday, "uninstalled");

        await projection.ApplyAsync("g1", projection.Project(state, Monday)!);
        var listed = await table.IsDormantAsync("g1");
        state.AcceptChanges(new Dictionary<string, string> { ["dormant"] = "W/\"1\"" });
        CommunityPlanning.Conversations.Dormancy.Dormancy.Wake(state);
        await projection.ApplyAsync("g1", projection.Project(state, Monday.AddDays(1))!);

        Assert.True(listed);
        Assert.False(await table.IsDormantAsync("g1"));
        Assert.False(await table.IsDormantAsync("g2"));
    }

    [Fact]
    public async Task Projection_WakeOfAnEarlierDormancyAppliedLate_KeepsTheNewerRow()
    {
        var (table, projection) = await NewAsync();
        var first = new GroupState("g1");
        CommunityPlanning.Conversations.Dormancy.Dormancy.Sleep(first, Monday, "uninstalled");
        first.AcceptChanges(new Dictionary<string, string> { ["dormant"] = "W/\"1\"" });
        CommunityPlanning.Conversations.Dormancy.Dormancy.Wake(first);
        var lateWake = projection.Project(first, Monday.AddDays(1))!;
        var second = new GroupState("g1");
        CommunityPlanning.Conversations.Dormancy.Dormancy.Sleep(second, Monday.AddDays(2), "uninstalled");

        await projection.ApplyAsync("g1", projection.Project(second, Monday.AddDays(2))!);
        await projection.ApplyAsync("g1", lateWake);

        Assert.True(await table.IsDormantAsync("g1"));
    }

    [Fact]
    public async Task OutboxDelivery_ProactiveRowOfADormantGroup_IsDroppedUnsentWhileAReplyGoesOut()
    {
        var (table, projection) = await NewAsync();
        var prefix = Azurite.NewTablePrefix();
        var plans = new TableClient(Azurite.ConnectionString, prefix + "plans");
        var pointers = new TableClient(Azurite.ConnectionString, prefix + TableOutboxStore.PointerTableName);
        await plans.CreateIfNotExistsAsync();
        await pointers.CreateIfNotExistsAsync();
        var clock = new FakeTimeProvider(Monday);
        var mapper = new RecordMapper(RecordTypes.Default);
        var store = new TableGroupStore(plans, mapper, NullLogger<TableGroupStore>.Instance);
        var options = new OutboxOptions { InstanceId = "test" };
        var outbox = new TableOutboxStore(plans, pointers, mapper, clock, options);
        var channel = new CountingChannel();
        var delivery = new OutboxDelivery(outbox, [channel], [projection], new SentMessages(store, clock, NullLogger<SentMessages>.Instance), options, clock, NullLogger<OutboxDelivery>.Instance, table);
        var state = await store.LoadAsync("g1");
        CommunityPlanning.Conversations.Dormancy.Dormancy.Sleep(state, Monday, "uninstalled");
        state.Put(new OutboxRecord(OutboxRecord.BatchId(Monday.UtcTicks, "n"), 0, OutboxKind.Reply, "test", "minutes") { Proactive = true, CreatedAt = Monday });
        state.Put(new OutboxRecord(OutboxRecord.BatchId(Monday.UtcTicks, "n"), 1, OutboxKind.Reply, "test", "answer") { CreatedAt = Monday });
        state.Put(new OutboxRecord(OutboxRecord.BatchId(Monday.UtcTicks, "n"), 2, OutboxKind.Index, projection.Name, projection.Project(state, Monday)!) { CreatedAt = Monday });
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(state, null));

        // The group went dormant after the minutes were saved (another save listed it).
        await table.AddAsync("g1", Monday, CancellationToken.None);
        var done = await delivery.DrainGroupAsync("g1");

        Assert.Equal(3, done);
        Assert.Equal(["answer"], channel.Sent);
        Assert.Empty(await outbox.ListAsync("g1"));
    }

    private static async Task<(DormantGroupsTable Table, DormantGroupsProjection Projection)> NewAsync()
    {
        var client = new TableClient(Azurite.ConnectionString, Azurite.NewTablePrefix() + DormantGroupsTable.TableName);
        await client.CreateIfNotExistsAsync();
        var table = new DormantGroupsTable(client);
        return (table, new DormantGroupsProjection(table));
    }

    private sealed class CountingChannel : IOutboundChannel
    {
        public List<string> Sent { get; } = [];

        public bool Serves(string channel) => channel == "test";

        public Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.FromResult(DeliveryResult.Done());
        }
    }
}
