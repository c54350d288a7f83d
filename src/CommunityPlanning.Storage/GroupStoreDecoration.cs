using CommunityPlanning.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Storage;

/// <summary>
/// Wraps the registered group store in another that adds work after each save (cross-group indexes).
/// Each call wraps whatever is registered by then, so decorators stack in registration order.
/// </summary>
public static class GroupStoreDecoration
{
    /// <summary>Replaces the <see cref="IGroupStore"/> registration with <paramref name="wrap"/> around it.</summary>
    public static IServiceCollection DecorateGroupStore(this IServiceCollection services, Func<IServiceProvider, IGroupStore, IGroupStore> wrap)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(wrap);
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGroupStore))
            ?? throw new InvalidOperationException("Register the group store (AddStorage) before decorating it.");
        services.Remove(registered);
        services.AddSingleton(sp => wrap(sp, Resolve(sp, registered)));
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
