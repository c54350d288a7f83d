using CommunityPlanning.Conversations.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPlanning.Conversations;

/// <summary>Registers the reminder dispatcher for a host.</summary>
public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dispatcher and its background service. Needs an <see cref="IReminderQueue"/> (Storage's
    /// AddStorage), an IGroupStore and the channels' <see cref="Proactive.IProactiveMessenger"/>s.
    /// </summary>
    public static IServiceCollection AddReminderDispatcher(this IServiceCollection services, Action<ReminderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ReminderOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderBackgroundService>();
        return services;
    }
}
