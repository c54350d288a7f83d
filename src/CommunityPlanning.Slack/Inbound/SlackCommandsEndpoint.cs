using System.Text;
using Microsoft.AspNetCore.Http;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/commands</c>: <c>/plan &lt;text&gt;</c> runs the same commands as a mention. The request
/// is stored and queued, then answered at once with an empty 200; the replies follow as messages (a form
/// opens as a modal with the trigger id while it is fresh, else it is posted with a button).
/// </summary>
internal sealed class SlackCommandsEndpoint(SlackRequestReader reader, SlackWorkReader works, SlackWorkIntake intake)
{
    public const string BusyText = "Sorry, I'm very busy right now. Please try again in a minute.";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var (body, refusal) = await reader.ReadAsync(http).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (works.Command(body!) is not { } work)
        {
            return TypedResults.BadRequest();
        }

        // Slack does not retry slash commands, so when storage fails the person is told instead.
        return await intake.StoreAsync(work, SlackWorkReader.CommandsKind, body!).ConfigureAwait(false) == IntakeResult.Failed
            ? TypedResults.Text(BusyText, "text/plain", Encoding.UTF8)
            : TypedResults.Ok();
    }
}
