using Azure.Data.Tables;
using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Storage.Indexes;
using CommunityPlanning.Storage.Meetings;
using CommunityPlanning.Storage.Outbox;
using CommunityPlanning.Storage.People;
using CommunityPlanning.Storage.Rights;
using CommunityPlanning.Storage.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers data rights and retention: the data holders, jobs, the sweeper and their tables.</summary>
public static class RightsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDataRights"/>, <see cref="ISuppressionList"/>, the exports, the job runner and the retention
    /// sweeper (one background service), and THE list of data holders, in the order they run: the group partitions,
    /// then every cross-group table, the suppression markers last for an erasure and the dormant row last for a
    /// delete. A new table plugs in by adding its holder here (a test fails when a table has none).
    /// </summary>
    public static IServiceCollection AddDataRights(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.Problems().Count == 0, "Retention settings are out of range: see README (Retention:*).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RetentionOptions>>().Value);

        services.AddSingleton(sp => new PersonGroupsTable(Table(sp, PersonGroupsTable.TableName)));
        services.AddSingleton(sp => new SuppressionTable(Table(sp, SuppressionTable.TableName)));
        services.AddSingleton<ISuppressionList>(sp => sp.GetRequiredService<SuppressionTable>());
        services.AddSingleton(sp => new RightsJobs(Table(sp, RightsJobs.TableName)));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<PersonGroupsTable>().Table));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<SuppressionTable>().Table));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<RightsJobs>().Table));

        services.AddSingleton<GroupScrubber>();
        services.AddSingleton<IDataHolder>(sp => new GroupPartitionHolder(
            sp.GetRequiredService<TableClient>(), Options(sp).PlansTable, sp.GetRequiredService<Domain.Ports.IGroupStore>(), sp.GetRequiredService<GroupScrubber>(), sp.GetRequiredService<Caching.GroupStateCache>(), sp.GetRequiredService<TableOutboxStore>()));
        services.AddSingleton<IDataHolder>(sp => TableHolder.Assignees(sp.GetRequiredService<IndexTables>().Assignees, IndexTables.AssigneesName));
        services.AddSingleton<IDataHolder>(sp => TableHolder.Reminders(sp.GetRequiredService<IndexTables>().Reminders, IndexTables.RemindersName));
        services.AddSingleton<IDataHolder>(sp => TableHolder.People(sp.GetRequiredService<TablePersonalConversationStore>().Table, TablePersonalConversationStore.TableName));
        services.AddSingleton<IDataHolder>(sp => TableHolder.OpenMeetings(sp.GetRequiredService<OpenMeetingsTable>().Table, OpenMeetingsTable.TableName));
        services.AddSingleton<IDataHolder>(sp => TableHolder.OutboxGroups(sp.GetRequiredService<TableOutboxStore>().Pointers, TableOutboxStore.PointerTableName));
        services.AddSingleton<IDataHolder>(sp => TableHolder.Work(Table(sp, WorkQueueServiceCollectionExtensions.WorkTable), WorkQueueServiceCollectionExtensions.WorkTable));
        services.AddSingleton<IDataHolder>(sp => TableHolder.Rosters(sp.GetRequiredService<Rosters.TableRosterStore>().Table));
        services.AddSingleton<IDataHolder>(sp => TableHolder.WorkspaceGroups(sp.GetRequiredService<Dormancy.WorkspaceGroupsTable>().Table));
        services.AddSingleton<IDataHolder>(sp => TableHolder.SlackInstallations(sp.GetRequiredService<Installations.TableInstallationStore>().Table));
        services.AddSingleton<IDataHolder>(sp => TableHolder.PersonGroups(sp.GetRequiredService<PersonGroupsTable>().Table));
        services.AddSingleton<IDataHolder>(sp => TableHolder.Jobs(sp.GetRequiredService<RightsJobs>().Table));
        services.AddSingleton<IDataHolder, SuppressionHolder>();
        services.AddSingleton<IDataHolder>(sp => TableHolder.Dormant(sp.GetRequiredService<Dormancy.DormantGroupsTable>().Table));
        services.AddSingleton<DataHolders>();

        services.AddSingleton<IDataRights, DataRights>();
        services.AddSingleton<RightsExports>();
        services.AddSingleton<RightsJobRunner>();
        services.AddSingleton(sp => new RetentionSweeper(
            sp.GetRequiredService<TableClient>(),
            sp.GetRequiredService<Dormancy.DormantGroupsTable>(),
            sp.GetRequiredService<DataHolders>(),
            sp.GetRequiredService<RetentionOptions>(),
            sp.GetRequiredService<Conversations.Outbox.OutboxOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetentionSweeper>>()));
        services.AddHostedService<RightsBackgroundService>();
        return services;
    }

    private static StorageOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static TableClient Table(IServiceProvider sp, string name) =>
        sp.GetRequiredService<TableServiceClient>().GetTableClient(Options(sp).TableName(name));
}
