using CommunityPlanning.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommunityPlanning.Slack;

/// <summary>Maps the Slack app's request URLs (see manifest/slack/manifest.yml).</summary>
public static class SlackEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/slack/events</c>, <c>/api/slack/commands</c> and <c>/api/slack/interactions</c>.
    /// Each verifies Slack's signature before reading anything and answers within Slack's 3 seconds.
    /// </summary>
    public static IEndpointConventionBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var slack = endpoints.MapGroup("/api/slack");
        slack.MapPost("/events", (HttpContext http, SlackEventsEndpoint handler) => handler.HandleAsync(http));
        slack.MapPost("/commands", (HttpContext http, SlackCommandsEndpoint handler) => handler.HandleAsync(http));
        slack.MapPost("/interactions", (HttpContext http, SlackInteractionsEndpoint handler) => handler.HandleAsync(http));
        return slack;
    }
}
