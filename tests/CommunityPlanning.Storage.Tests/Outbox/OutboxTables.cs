using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Storage.Tests.Outbox;

/// <summary>A group table and the outbox's pointer table on Azurite, new for each test, with the stores and delivery over them.</summary>
internal sealed class OutboxTables
{
    private readonly TimeProvider _clock;

    public OutboxTables(TimeProvider clock, RequestCounter? plansCounter = null)
    {
        _clock = clock;
        var prefix = Azurite.NewTablePrefix();
        var options = new TableClientOptions();
        if (plansCounter is not null)
        {
            options.AddPolicy(plansCounter, Azure.Core.HttpPipelinePosition.PerCall);
        }

        Plans = new TableClient(Azurite.ConnectionString, prefix + "plans", options);
        Plans.CreateIfNotExists();
        Pointers = new TableClient(Azurite.ConnectionString, prefix + TableOutboxStore.PointerTableName);
        Pointers.CreateIfNotExists();
    }

    public TableClient Plans { get; }

    public TableClient Pointers { get; }

    public RecordMapper Mapper { get; } = new(RecordTypes.Default);

    public TableGroupStore Groups() => new(Plans, Mapper, NullLogger<TableGroupStore>.Instance);

    public TableOutboxStore Store(OutboxOptions options) => new(Plans, Pointers, Mapper, _clock, options);

    public OutboxDelivery Delivery(OutboxOptions options, IOutboundChannel channel) =>
        new(Store(options), [channel], [], new SentMessages(Groups(), _clock, NullLogger<SentMessages>.Instance), options, _clock, NullLogger<OutboxDelivery>.Instance);
}
