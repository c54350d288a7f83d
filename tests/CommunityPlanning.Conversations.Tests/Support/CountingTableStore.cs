using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>
/// The real Azure Tables store on a fresh Azurite table, with a pipeline policy that counts HTTP round
/// trips. Each Load…Save pair is one turn; the most reads and writes any turn made are kept.
/// </summary>
public sealed class CountingTableStore : IGroupStore, IDisposable
{
    private readonly RoundTrips _counter = new();
    private readonly TableGroupStore _inner;
    private readonly string _tableName;
    private (int Reads, int Writes) _atLoad;

    public CountingTableStore()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_counter, HttpPipelinePosition.PerCall);
        var table = Azurite.NewTable("plans", options);
        _tableName = table.Name;
        _inner = new TableGroupStore(table, new RecordMapper(RecordTypes.Default), NullLogger<TableGroupStore>.Instance);
    }

    public int Turns { get; private set; }

    public int MostReadsInATurn { get; private set; }

    public int MostWritesInATurn { get; private set; }

    public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        _atLoad = (_counter.Reads, _counter.Writes);
        return await _inner.LoadAsync(groupId, cancellationToken);
    }

    public async Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
    {
        var outcome = await _inner.SaveAsync(state, turnId, nonce, cancellationToken);
        Turns++;
        MostReadsInATurn = Math.Max(MostReadsInATurn, _counter.Reads - _atLoad.Reads);
        MostWritesInATurn = Math.Max(MostWritesInATurn, _counter.Writes - _atLoad.Writes);
        return outcome;
    }

    /// <summary>A new store over the same table, with nothing cached: what a restarted host sees.</summary>
    public TableGroupStore Reopen() =>
        new(new TableClient(Azurite.ConnectionString, _tableName), new RecordMapper(RecordTypes.Default), NullLogger<TableGroupStore>.Instance);

    /// <summary>Every record as JSON by key, to compare two loads value by value.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(GroupState state) =>
        state.All.ToDictionary(r => r.Key, r => JsonSerializer.Serialize(r, r.GetType()), StringComparer.Ordinal);

    public void Dispose()
    {
    }

    private sealed class RoundTrips : HttpPipelinePolicy
    {
        private int _reads;
        private int _writes;

        public int Reads => _reads;

        public int Writes => _writes;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Count(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Count(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get)
            {
                Interlocked.Increment(ref _reads);
            }
            else
            {
                Interlocked.Increment(ref _writes);
            }
        }
    }
}
