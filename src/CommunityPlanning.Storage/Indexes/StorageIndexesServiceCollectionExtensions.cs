using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Installations;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Storage.Dormancy;
using CommunityPlanning.Storage.Indexes;
using CommunityPlanning.Storage.Installations;
using CommunityPlanning.Storage.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers the cross-group index tables and the projections that keep them.</summary>
public static class StorageIndexesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the index tables (readable as <see cref="IAssigneeIndex"/>, <see cref="IReminderQueue"/> and
    /// <see cref="IOpenMeetingIndex"/>), creates them at start-up, and registers the after-save projections that
    /// keep them, in this order: assignees, reminders (with the digest), open meetings, dormant groups, workspace groups, person groups (for data rights). This is the one list of
    /// what a save changes outside its group; each change goes through the group's outbox.
    /// </summary>
    public static IServiceCollection AddIndexProjections(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => IndexTables.For(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<AssigneeIndex>();
        services.AddSingleton<IAssigneeIndex>(sp => sp.GetRequiredService<AssigneeIndex>());
        services.AddSingleton<ReminderIndex>();
        services.AddSingleton<IReminderQueue>(sp => sp.GetRequiredService<ReminderIndex>());
        services.AddSingleton(sp => new OpenMeetingsTable(sp.GetRequiredService<TableServiceClient>()
            .GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TableName(OpenMeetingsTable.TableName))));
        services.AddSingleton<IOpenMeetingIndex>(sp => sp.GetRequiredService<OpenMeetingsTable>());
        services.AddSingleton(sp => new DormantGroupsTable(Table(sp, DormantGroupsTable.TableName)));
        services.AddSingleton<IDormantGroups>(sp => sp.GetRequiredService<DormantGroupsTable>());
        services.AddSingleton(sp => new WorkspaceGroupsTable(Table(sp, WorkspaceGroupsTable.TableName)));
        services.AddSingleton<IWorkspaceGroups>(sp => sp.GetRequiredService<WorkspaceGroupsTable>());

        services.AddSingleton<IIndexProjection, AssigneeIndexProjection>();
        services.AddSingleton<IIndexProjection, ReminderIndexProjection>();
        services.AddSingleton<IIndexProjection, OpenMeetingsProjection>();
        services.AddSingleton<IIndexProjection, DormantGroupsProjection>();
        services.AddSingleton<IIndexProjection, WorkspaceGroupsProjection>();
        services.AddSingleton<IIndexProjection, Rights.PersonGroupsProjection>();

        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<IndexTables>().Assignees));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<IndexTables>().Reminders));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<OpenMeetingsTable>().Table));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<DormantGroupsTable>().Table));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<WorkspaceGroupsTable>().Table));

        // Not an index, but a small cross-group table of the same kind: the OAuth installs (tokens sealed by the channel).
        services.AddSingleton(sp => new TableInstallationStore(Table(sp, TableInstallationStore.TableName)));
        services.AddSingleton<IInstallationStore>(sp => sp.GetRequiredService<TableInstallationStore>());
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<TableInstallationStore>().Table));
        return services;
    }

    private static TableClient Table(IServiceProvider services, string name) =>
        services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.TableName(name));
}
