using CommunityPlanning.Conversations.Rosters;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Storage.Rosters;

/// <summary>Registers the rosters table.</summary>
public static class RostersStorageServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IRosterStore"/> on Azure Tables, its table created at start-up.</summary>
    public static IServiceCollection AddRosterStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TableRosterStore>();
        services.AddSingleton<IRosterStore>(sp => sp.GetRequiredService<TableRosterStore>());
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<TableRosterStore>().Table));
        return services;
    }
}
