using System.Threading.Channels;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests;

/// <summary>Start-up creates the tables once, even while it keeps retrying queues that cannot be reached yet.</summary>
public sealed class StorageInitializerTests
{
    [Fact]
    public async Task QueuesUnreachable_TablesCreatedOnce_TurnsMayGoAhead_RetriesAskOnlyForTheQueues()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var prefix = Azurite.NewTablePrefix();
        var tables = new[] { "plans", "outboxgroups" }.Select(n => new StorageTable(new TableClient(Azurite.ConnectionString, prefix + n, options))).ToList();
        var queueCounter = new RequestCounter();
        var queueOptions = new QueueClientOptions { Retry = { MaxRetries = 0 } };
        queueOptions.AddPolicy(queueCounter, Azure.Core.HttpPipelinePosition.PerCall);
        var deadQueues = new QueueServiceClient(Azurite.ConnectionStringFor(Azurite.FreePort(), Azurite.FreePort()), queueOptions);
        var queue = new StorageQueue(deadQueues.GetQueueClient(prefix + "work"));
        var readiness = new StorageReadiness();
        var clock = new PauseClock();
        var initializer = new StorageInitializer(tables, [queue], readiness, new RecordMapper(RecordTypes.Default), clock, NullLogger<StorageInitializer>.Instance);

        // Each failed try pauses on the clock (at most 30 s): the next try starts when the clock passes the pause.
        await initializer.StartAsync(CancellationToken.None);
        await readiness.FirstAttemptAsync().WaitAsync(TimeSpan.FromSeconds(30));
        for (var retry = 0; retry < 3; retry++)
        {
            await clock.NextPauseAsync();
            clock.Advance(TimeSpan.FromSeconds(31));
        }

        await clock.NextPauseAsync();
        await initializer.StopAsync(CancellationToken.None);
        Assert.True(queueCounter.Writes >= 3, $"the queues were tried {queueCounter.Writes} times");
        Assert.False(readiness.IsReady);
        Assert.Equal(tables.Count, counter.Writes);
        Assert.All(tables, t => Assert.NotNull(t.Client.Query<TableEntity>(maxPerPage: 1).AsPages().First()));
    }

    /// <summary>A fake clock that tells when someone starts waiting on it.</summary>
    private sealed class PauseClock() : FakeTimeProvider(DateTimeOffset.UnixEpoch)
    {
        private readonly Channel<TimeSpan> _pauses = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _pauses.Writer.TryWrite(dueTime);
            return timer;
        }

        public Task NextPauseAsync() => _pauses.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
