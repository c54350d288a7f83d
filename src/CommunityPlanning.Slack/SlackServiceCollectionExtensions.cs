using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Outbound;
using CommunityPlanning.Slack.Proactive;
using CommunityPlanning.Slack.Security;
using CommunityPlanning.Slack.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack;

/// <summary>Registers the Slack channel.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Slack adapter: options (<c>Slack:SigningSecret</c>, <c>Slack:BotToken</c>, <c>Slack:ApiBaseUrl</c>,
    /// or <c>SLACK_SIGNING_SECRET</c> / <c>SLACK_BOT_TOKEN</c>), signature checks, the Web API client, the
    /// request queue and its worker, the proactive messenger and the outbox channel. Needs <c>AddConversations()</c>, <c>AddOutboxDispatcher()</c> and a
    /// group store. Without a signing secret every Slack request is refused.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.SigningSecret))
                {
                    o.SigningSecret = configuration["SLACK_SIGNING_SECRET"];
                }

                if (string.IsNullOrWhiteSpace(o.BotToken))
                {
                    o.BotToken = configuration["SLACK_BOT_TOKEN"];
                }
            })
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && (o.ApiBaseUrl.Scheme == Uri.UriSchemeHttps || o.ApiBaseUrl.IsLoopback), "Slack:ApiBaseUrl must be an https address (or loopback, for tests).")
            .Validate(o => o.QueueCapacity > 0 && o.Workers > 0 && o.MaxBodyBytes > 0, "Slack:QueueCapacity, Slack:Workers and Slack:MaxBodyBytes must be positive.")
            .Validate(o => o.ModalBudget > TimeSpan.Zero && o.ModalBudget < TimeSpan.FromSeconds(3), "Slack:ModalBudget must be under Slack's 3 seconds.")
            .ValidateOnStart();

        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<ChannelPacer>();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<ChannelPacer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackApiClient>>()));
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackReplySender>();
        services.AddSingleton<SlackTurnRunner>();
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackEventsEndpoint>();
        services.AddSingleton<SlackCommandsEndpoint>();
        services.AddSingleton<SlackInteractionsEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProactiveMessenger, SlackProactiveMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, SlackOutboundChannel>());
        services.AddHostedService<SlackWorker>();
        services.AddHostedService<SlackBotIdentityWarmUp>();
        return services;
    }
}
