using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Teams.Outbound;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Cards;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Teams;

/// <summary>Registers the Bot Framework channel (Teams, Emulator, the local playground).</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The name of the Connector's HTTP client.</summary>
    public const string ConnectorHttpClient = "BotConnector";

    /// <summary>Adds authentication, the Connector client, card rendering and the activity handler.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTeamsAuth(configuration);
        services.AddSingleton<AdaptiveCardRenderer>();
        services.AddSingleton<AdaptiveCardSubmissionReader>();
        services.AddSingleton<MessageActionReader>();
        services.AddSingleton<InboundActivityMapper>();
        services.AddSingleton<ReplyActivityBuilder>();
        services.AddSingleton<ConversationThrottle>();
        // One long-lived client whose pooled connections are recycled, so DNS changes are still seen.
        services.AddHttpClient(ConnectorHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient)));
        services.AddSingleton<PersonalConversationRecorder>();
        services.AddSingleton<BotFrameworkHandler>();
        services.AddSingleton<IProactiveMessenger, TeamsProactiveMessenger>();
        services.AddSingleton<IChannelRoster, TeamsChannelRoster>();
        services.AddSingleton<IOutboundChannel, TeamsOutboundChannel>();
        return services;
    }
}
