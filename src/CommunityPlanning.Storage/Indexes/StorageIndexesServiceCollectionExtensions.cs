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
        var store = services.LastOrDefault(d => d.ServiceType == typeof(IGroupStore))
            ?? throw new InvalidOperationException("Register the group store before AddStorageIndexes.");
        services.Remove(store);

        services.AddSingleton(sp => IndexTables.For(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<AssigneeIndex>();
        services.AddSingleton<IAssigneeIndex>(sp => sp.GetRequiredService<AssigneeIndex>());
        services.AddSingleton<ReminderIndex>();
        services.AddSingleton<IReminderQueue>(sp => sp.GetRequiredService<ReminderIndex>());
        services.AddSingleton<IGroupStore>(sp => new IndexingGroupStore(
            Resolve(sp, store),
            sp.GetRequiredService<AssigneeIndex>(),
            sp.GetRequiredService<ReminderIndex>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<IndexingGroupStore>>()));
        services.AddHostedService<IndexTablesInitializer>();
        return services;
    }

    private static IGroupStore Resolve(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IGroupStore instance } => instance,
        { ImplementationFactory: { } factory } => (IGroupStore)factory(services),
        { ImplementationType: { } type } => (IGroupStore)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The group store registration cannot be wrapped."),
    };
}

/// <summary>Creates the index tables once at start-up, so no request pays for it.</summary>
internal sealed class IndexTablesInitializer(IndexTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
