using CommunityPlanning.Conversations.Rosters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPlanning.Conversations;

/// <summary>Registers channel rosters: mention checks before a turn and roster paging after it.</summary>
public static class RostersServiceCollectionExtensions
{
    /// <summary>
    /// Adds the mention confirmer, the roster queue and its background refresher. Needs an
    /// <see cref="IRosterStore"/> (Storage) and the channels' <see cref="IChannelRoster"/>s.
    /// </summary>
    public static IServiceCollection AddRosters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RosterQueue>();
        services.AddSingleton<MentionConfirmer>();
        services.AddSingleton<RosterRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<RosterRefresher>());
        return services;
    }
}
