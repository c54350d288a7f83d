using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rosters;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Install;
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
    /// durable request queue (<c>Slack:Queue:…</c>) with its poller and workers, the proactive messenger and the outbox channel.
    /// Needs <c>AddConversations()</c>, <c>AddOutboxDispatcher()</c>, a group store, an <see cref="Conversations.Work.IWorkQueue"/>,
    /// and (for uninstalls and the multi-workspace install) Storage's installation store and workspace index.
    /// A secret of the wrong shape (or an unresolved Key Vault reference) stops the host at start-up;
    /// without the settings Slack needs, <see cref="SlackEndpoints.MapSlackEndpoints"/> maps nothing.
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
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        services.AddOptions<SlackQueueOptions>()
            .Bind(configuration.GetSection(SlackQueueOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero, "Slack:Queue:PollInterval must be positive and Slack:Queue:RetryDelay not negative.")
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromSeconds(1) && o.VisibilityTimeout <= TimeSpan.FromDays(7), "Slack:Queue:VisibilityTimeout must be between 1 second and 7 days.")
            .Validate(o => o.MaxDequeueCount > 0 && o.MaxHeld > 0, "Slack:Queue:MaxDequeueCount and Slack:Queue:MaxHeld must be positive.")
            .ValidateOnStart();

        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<SlackTokenProtector>();
        services.TryAddSingleton<ISlackTokenSource, SlackTokenSource>();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<ChannelPacer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackApiClient>>(),
            sp.GetRequiredService<ISlackTokenSource>()));
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackQueueSignal>();
        services.AddSingleton<SlackWorkReader>();
        services.AddSingleton<SlackWorkIntake>();
        services.AddSingleton<SlackReplySender>();
        services.AddSingleton<SlackTurnRunner>();
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackEventsEndpoint>();
        services.AddSingleton<SlackCommandsEndpoint>();
        services.AddSingleton<SlackInteractionsEndpoint>();
        services.AddSingleton<SlackOAuthState>();
        services.AddSingleton<SlackInstallEndpoints>();
        services.AddSingleton<SlackAppLifecycle>();
        services.TryAddSingleton<GroupDormancy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProactiveMessenger, SlackProactiveMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelRoster, SlackChannelRoster>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, SlackOutboundChannel>());
        services.AddHostedService<SlackWorker>();
        services.AddHostedService<SlackQueuePoller>();
        services.AddHostedService<SlackBotIdentityWarmUp>();
        return services;
    }
}
