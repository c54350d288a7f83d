using CommunityPlanning.Slack.Inbound;
using CommunityPlanning.Slack.Install;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack;

/// <summary>Maps the Slack app's request URLs (see manifest/slack/manifest.yml).</summary>
public static partial class SlackEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/slack/events</c>, <c>/api/slack/commands</c> and <c>/api/slack/interactions</c> (and, with the
    /// multi-workspace settings, <c>GET /api/slack/install</c> and <c>/api/slack/oauth/callback</c>) when
    /// Slack is configured (<see cref="SlackOptions.Enabled"/>); otherwise maps nothing, so those paths answer
    /// 404, and logs why once. Each endpoint verifies Slack's signature before reading anything and answers
    /// within Slack's 3 seconds. Reading the options here runs their start-up validation, so a bad secret
    /// stops the host before any request is taken.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options.DisabledReason is { } reason)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
            LogSlackOff(logger, reason);
            return endpoints;
        }

        var slack = endpoints.MapGroup("/api/slack");
        slack.MapPost("/events", (HttpContext http, SlackEventsEndpoint handler) => handler.HandleAsync(http));
        slack.MapPost("/commands", (HttpContext http, SlackCommandsEndpoint handler) => handler.HandleAsync(http));
        slack.MapPost("/interactions", (HttpContext http, SlackInteractionsEndpoint handler) => handler.HandleAsync(http));
        if (options.MultiWorkspace)
        {
            // The "Add to Slack" install: pages for people, so no Slack signature (the state is signed instead).
            slack.MapGet("/install", (HttpContext http, SlackInstallEndpoints handler) => handler.Install(http));
            slack.MapGet("/oauth/callback", (HttpContext http, SlackInstallEndpoints handler) => handler.CallbackAsync(http));
        }

        return endpoints;
    }

    [LoggerMessage(EventId = 4190, Level = LogLevel.Information, Message = "Slack is off, so /api/slack/* answers 404: {Reason}")]
    private static partial void LogSlackOff(ILogger logger, string reason);
}
