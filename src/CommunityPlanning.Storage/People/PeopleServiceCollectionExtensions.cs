using CommunityPlanning.Conversations.Proactive;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Storage.People;

/// <summary>Registers the cross-group people table.</summary>
public static class PeopleServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IPersonalConversationStore"/> on Azure Tables, its table created at start-up.</summary>
    public static IServiceCollection AddPeopleStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TablePersonalConversationStore>();
        services.AddSingleton<IPersonalConversationStore>(sp => sp.GetRequiredService<TablePersonalConversationStore>());
        services.AddSingleton(sp => new StorageTable(sp.GetRequiredService<TablePersonalConversationStore>().Table));
        return services;
    }
}
