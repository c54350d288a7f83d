using CommunityPlanning.Conversations.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPlanning.Conversations;

/// <summary>Registers outbox delivery for a host.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds outbox delivery (right after a save) and the dispatcher that finishes rows left over. Needs an
    /// <see cref="IOutboxStore"/> (Storage), the channels' <see cref="IOutboundChannel"/>s and the registered
    /// <see cref="IIndexProjection"/>s.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services, Action<OutboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new OutboxOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<OutboxOptions>();
        services.AddSingleton(options);
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
