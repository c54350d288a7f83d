using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Auth;

/// <summary>Registers the Bot Framework security pieces.</summary>
public static class TeamsAuthServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BotAuthOptions"/> (validated at start-up), the "BotAuth" HTTP client, the
    /// <see cref="IInboundAuthenticator"/>, the <see cref="IConnectorTokenProvider"/> and the
    /// <see cref="ServiceUrlPolicy"/>, all singletons.
    /// </summary>
    public static IServiceCollection AddTeamsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthOptions>()
            .Configure(options => BotAuthOptions.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>());

        services.AddHttpClient(BotAuthOptions.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton<IConnectorTokenProvider, ConnectorTokenProvider>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotAuthOptions>>().Value;
            return new ServiceUrlPolicy(options.AllowLoopbackServiceUrls, options.AllowedServiceHosts);
        });
        return services;
    }
}
