using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

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
        var initializer = new StorageInitializer(tables, [queue], readiness, new RecordMapper(RecordTypes.Default), TimeProvider.System, NullLogger<StorageInitializer>.Instance);

        // Real time: the pauses between tries start at a quarter of a second and double.
        await initializer.StartAsync(CancellationToken.None);
        await readiness.FirstAttemptAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (queueCounter.Writes < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await initializer.StopAsync(CancellationToken.None);
        Assert.True(queueCounter.Writes >= 3, $"the queues were tried {queueCounter.Writes} times");
        Assert.False(readiness.IsReady);
        Assert.Equal(tables.Count, counter.Writes);
        Assert.All(tables, t => Assert.NotNull(t.Client.Query<TableEntity>(maxPerPage: 1).AsPages().First()));
    }
}
