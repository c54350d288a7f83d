using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Storage.Work;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Storage.Tests.Work;

/// <summary>The durable work queue against Azurite's table and queue services.</summary>
public sealed class QueueWorkStoreTests
{
    private readonly WorkStorage _storage;
    private readonly QueueWorkStore _store;

    public QueueWorkStoreTests()
    {
        var prefix = Azurite.NewTablePrefix();
        _storage = new WorkStorage(
            Azurite.NewTable("work"),
            new QueueClient(Azurite.ConnectionString, prefix + "work"),
            new QueueClient(Azurite.ConnectionString, prefix + "work-poison"));
        _storage.Work.CreateIfNotExists();
        _storage.Poison.CreateIfNotExists();
        _store = new QueueWorkStore(_storage, NullLogger<QueueWorkStore>.Instance);
    }

    [Fact]
    public async Task ReceiveAsync_BodyLargerThanAQueueMessage_ComesBackWhole()
    {
        var body = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

        Assert.True(await _store.TryEnqueueAsync(new NewWork("slack:act:big", "slack.interactions", body)));
        var work = Assert.Single(await _store.ReceiveAsync(10, TimeSpan.FromMinutes(1)));

        Assert.Equal("slack:act:big", work.Key);
        Assert.Equal("slack.interactions", work.Kind);
        Assert.Equal(1, work.DequeueCount);
        Assert.Equal(body, work.Body);
    }

    [Fact]
    public async Task TryEnqueueAsync_SameKeyWhileStored_ReturnsFalseAndQueuesOnce()
    {
        Assert.True(await _store.TryEnqueueAsync(new NewWork("slack:evt:Ev1", "slack.events", [1])));
        Assert.False(await _store.TryEnqueueAsync(new NewWork("slack:evt:Ev1", "slack.events", [1])));

        Assert.Single((await _storage.Work.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task CompleteAsync_FinishedWork_DeletesMessageAndBody()
    {
        await _store.TryEnqueueAsync(new NewWork("slack:cmd:t1", "slack.commands", [1, 2, 3]));
        var work = Assert.Single(await _store.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        await _store.CompleteAsync(work);

        Assert.Empty((await _storage.Work.PeekMessagesAsync(32)).Value);
        Assert.Empty(await _storage.Bodies.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task ReleaseAsync_NoDelay_WorkComesBackCounted()
    {
        await _store.TryEnqueueAsync(new NewWork("slack:cmd:t2", "slack.commands", [1]));
        var first = Assert.Single(await _store.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        await _store.ReleaseAsync(first, TimeSpan.Zero);
        var again = Assert.Single(await _store.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Equal(2, again.DequeueCount);
        Assert.Equal([1], again.Body);
    }

    [Fact]
    public async Task PoisonAsync_Work_MovesItAsideForFourteenDays()
    {
        await _store.TryEnqueueAsync(new NewWork("slack:evt:Ev9", "slack.events", [7]));
        var work = Assert.Single(await _store.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        await _store.PoisonAsync(work, "kept failing");

        var poison = Assert.Single((await _storage.Poison.PeekMessagesAsync(32)).Value);
        Assert.Contains("slack:evt:Ev9", poison.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(14), poison.ExpiresOn - poison.InsertedOn);
        Assert.Empty((await _storage.Work.PeekMessagesAsync(32)).Value);
        Assert.Empty(await _storage.Bodies.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task ReceiveAsync_BodyGone_ReturnsWorkWithoutBody()
    {
        await _store.TryEnqueueAsync(new NewWork("slack:evt:Ev5", "slack.events", [5]));
        await _storage.Bodies.DeleteEntityAsync(QueueWorkStore.PartitionKeyOf("slack:evt:Ev5"), "body");

        var work = Assert.Single(await _store.ReceiveAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Null(work.Body);
    }
}
