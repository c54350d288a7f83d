using Azure.Data.Tables;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the Storage namespace, beside AddStorage, so the composition needs no extra using.
namespace CommunityPlanning.Storage;

/// <summary>Registers the open-meetings index.</summary>
public static class MeetingStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the open-meetings table (as <see cref="IOpenMeetingIndex"/>), creates it at start-up, and wraps the
    /// registered <see cref="IGroupStore"/> so saves keep it. Call after AddStorage.
    /// </summary>
    public static IServiceCollection AddOpenMeetingIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new OpenMeetingsTable(sp.GetRequiredService<TableServiceClient>()
            .GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.TableName(OpenMeetingsTable.TableName))));
        services.AddSingleton<IOpenMeetingIndex>(sp => sp.GetRequiredService<OpenMeetingsTable>());
        services.DecorateGroupStore((sp, store) => new MeetingIndexingGroupStore(
            store,
            sp.GetRequiredService<OpenMeetingsTable>(),
            sp.GetRequiredService<ILogger<MeetingIndexingGroupStore>>()));
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<OpenMeetingsTable>().Table));
        return services;
    }
}
