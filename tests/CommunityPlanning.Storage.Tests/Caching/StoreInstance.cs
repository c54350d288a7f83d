using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Storage.Tests.Caching;

/// <summary>
/// One bot instance's storage objects (group store, cache, outbox store, finished-row list) over a table that
/// other instances share, with a counter of its own round trips.
/// </summary>
internal sealed class StoreInstance
{
    public StoreInstance(string tableName, FakeTimeProvider clock, GroupCacheOptions? options = null)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(Counter, Azure.Core.HttpPipelinePosition.PerCall);
        Table = new TableClient(Azurite.ConnectionString, tableName, clientOptions);
        Cache = new GroupStateCache(options ?? new GroupCacheOptions(), clock);
        Done = new DoneOutboxRows(clock);
        var mapper = new RecordMapper(RecordTypes.Default);
        Store = new TableGroupStore(Table, mapper, NullLogger<TableGroupStore>.Instance, Cache, Done);
        var pointers = new TableClient(Azurite.ConnectionString, tableName + "ptr");
        pointers.CreateIfNotExists();
        Outbox = new TableOutboxStore(Table, pointers, mapper, clock, new OutboxOptions(), Cache, Done);
    }

    /// <summary>A fresh table shared by the instances of one test.</summary>
    public static string NewTableName()
    {
        var name = Azurite.NewTablePrefix() + "plans";
        new TableClient(Azurite.ConnectionString, name).CreateIfNotExists();
        return name;
    }

    public RequestCounter Counter { get; } = new();

    public TableClient Table { get; }

    public GroupStateCache Cache { get; }

    public DoneOutboxRows Done { get; }

    public TableGroupStore Store { get; }

    public TableOutboxStore Outbox { get; }

    /// <summary>
    /// A turn as TurnProcessor runs it: one nonce, load for the attempt, change, save; again from storage on a
    /// conflict. Ends at the first outcome that is not a conflict.
    /// </summary>
    public async Task<TurnRun> TurnAsync(string groupId, string turnId, Action<GroupState> change)
    {
        var nonce = Guid.NewGuid().ToString("N");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var state = await Store.LoadForTurnAsync(groupId, attempt);
            change(state);
            var outcome = await Store.SaveAsync(state, turnId, nonce);
            if (outcome != SaveOutcome.Conflict)
            {
                return new TurnRun(outcome, state, attempt);
            }
        }

        throw new InvalidOperationException("The turn met a conflict on every attempt.");
    }
}

/// <summary>How a turn ended, the state it saved (or tried to) and after how many attempts.</summary>
internal sealed record TurnRun(SaveOutcome Outcome, GroupState Final, int Attempts);
