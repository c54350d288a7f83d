using Azure.Data.Tables;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Indexes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers the cross-group index tables.</summary>
public static class StorageIndexesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the assignee and reminder indexes (as <see cref="IAssigneeIndex"/> and <see cref="IReminderQueue"/>),
    /// creates their tables at start-up, and wraps the registered <see cref="IGroupStore"/> so saves keep the
    /// indexes up to date. Call after the group store is registered.
    /// </summary>
    public static IServiceCollection AddStorageIndexes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => IndexTables.For(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<AssigneeIndex>();
        services.AddSingleton<IAssigneeIndex>(sp => sp.GetRequiredService<AssigneeIndex>());
        services.AddSingleton<ReminderIndex>();
        services.AddSingleton<IReminderQueue>(sp => sp.GetRequiredService<ReminderIndex>());
        services.DecorateGroupStore((sp, store) => new IndexingGroupStore(
            store,
            sp.GetRequiredService<AssigneeIndex>(),
            sp.GetRequiredService<ReminderIndex>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<IndexingGroupStore>>()));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<IndexTables>().Assignees));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<IndexTables>().Reminders));
        return services;
    }
}
