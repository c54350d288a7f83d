using System.Text;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/commands</c>: <c>/plan &lt;text&gt;</c> runs the same commands as a mention. Answered at
/// once with an empty 200; the replies follow as messages (a form opens as a modal with the trigger id).
/// </summary>
internal sealed partial class SlackCommandsEndpoint(SlackRequestReader reader, SlackWorkQueue queue, SlackApiClient api, ILogger<SlackCommandsEndpoint> logger)
{
    public const string BusyText = "Sorry, I'm very busy right now. Please try again in a minute.";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var (body, refusal) = await reader.ReadAsync(http).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body!));
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;
        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        var trigger = Field("trigger_id");
        if (team is null || channel is null || user is null)
        {
            return TypedResults.BadRequest();
        }

        var text = Field("text") ?? string.Empty;
        var target = new SlackTarget(team, channel, user)
        {
            TriggerId = trigger,
            ResponseUrl = Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl) && api.IsResponseUrl(responseUrl) ? responseUrl : null,
            FormOrigin = SlackFormOpen.For(new ConversationKey(SlackAddress.Channel, team, channel), text),
        };
        var turnId = "cmd:" + (trigger ?? Guid.NewGuid().ToString("N"));
        if (!queue.TryEnqueue(new InboundWork(target, turnId, Field("user_name"), text, [], null)))
        {
            // Slack does not retry slash commands, so the person is told instead.
            LogQueueFull(logger);
            return TypedResults.Text(BusyText, "text/plain", Encoding.UTF8);
        }

        return TypedResults.Ok();
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "The Slack queue is full; a /plan command was turned away")]
    private static partial void LogQueueFull(ILogger logger);
}
