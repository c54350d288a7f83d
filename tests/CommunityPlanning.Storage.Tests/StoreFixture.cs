using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Storage.Tests;

/// <summary>A store on its own fresh Azurite table, with a policy that counts round trips.</summary>
internal sealed class StoreFixture
{
    public StoreFixture()
    {
        var options = new TableClientOptions();
        options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        Table = Azurite.NewTable("plans", options);
        Store = new TableGroupStore(Table, new RecordMapper(RecordTypes.Default), NullLogger<TableGroupStore>.Instance);
        Counter.Reset();
    }

    public RequestCounter Counter { get; } = new();

    public TableClient Table { get; }

    public TableGroupStore Store { get; }
}

/// <summary>Counts HTTP round trips made by a client (per call, so transport retries count once).</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private int _reads;
    private int _writes;

    public int Reads => _reads;

    public int Writes => _writes;

    public void Reset()
    {
        _reads = 0;
        _writes = 0;
    }

    public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(Azure.Core.HttpMessage message)
    {
        if (message.Request.Method == Azure.Core.RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
