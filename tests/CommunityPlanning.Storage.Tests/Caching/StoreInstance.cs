using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
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
}
