using System.Text;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/interactions</c>: block_actions (buttons, checklist ticks) are stored and queued
/// (a "Fill in the form" button, which opens a modal, runs at once instead, and so does the "Make an action"
/// message shortcut, message_action); a
/// view_submission is run at once within a budget, because its answer (validation errors, or the
/// next view) has to be in the HTTP response; view_closed is acknowledged.
/// </summary>
internal sealed partial class SlackInteractionsEndpoint(
    SlackRequestReader reader,
    SlackWorkReader works,
    SlackWorkQueue queue,
    SlackWorkIntake intake,
    SlackTurnRunner runner,
    TurnProcessor processor,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackInteractionsEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var (body, refusal) = await reader.ReadAsync(http).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var payload = SlackWorkReader.InteractionPayload(body!);
        if (payload is null)
        {
            return TypedResults.BadRequest();
        }

        return payload.Str("type") switch
        {
            "block_actions" => await BlockActionsAsync(payload, body!).ConfigureAwait(false),
            "view_submission" => await ViewSubmissionAsync(payload, http.RequestAborted).ConfigureAwait(false),
            "message_action" => MessageAction(payload),
            _ => TypedResults.Ok(),
        };
    }

    private async Task<IResult> BlockActionsAsync(JsonObject payload, byte[] body)
    {
        if (SlackWorkReader.BlockActions(payload) is not { } work)
        {
            return TypedResults.Ok();
        }

        if (work.Text is null)
        {
            return await intake.StoreAsync(work, SlackWorkReader.InteractionsKind, body).ConfigureAwait(false) == IntakeResult.Failed
                ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : TypedResults.Ok();
        }

        // A "Fill in the form" button opens a modal with its trigger id, usable for 3 seconds only: it
        // runs at once on this instance. It changes nothing, so if it is lost the person presses again.
        if (!queue.TryEnqueue(work))
        {
            LogQueueFull(logger);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    // Like "Fill in the form", the shortcut's trigger id lasts 3 seconds: it runs at once on this instance, off
    // the durable queue. Opening the form changes nothing, so a lost one costs the person a second try.
    private IResult MessageAction(JsonObject payload)
    {
        if (works.MessageAction(payload) is not { } work)
        {
            return TypedResults.Ok();
        }

        if (!queue.TryEnqueue(work))
        {
            LogQueueFull(logger);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    private async Task<IResult> ViewSubmissionAsync(JsonObject payload, CancellationToken requestAborted)
    {
        var view = payload.Obj("view");
        var metadata = ModalMetadata.TryDecode(view.Str("private_metadata"));
        var team = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id");
        var user = payload.Obj("user").Str("id");
        if (metadata?.Verb is null || team is null || user is null)
        {
            return TypedResults.Ok();
        }

        var target = new SlackTarget(team, metadata.Channel, user)
        {
            SourceTs = metadata.ReplaceTs,
            EnterpriseId = SlackWorkReader.EnterpriseOf(payload),
            ThreadTs = metadata.ThreadTs,
            ResponseUrl = works.ResponseUrl(metadata.ResponseUrl),
        };
        var submission = new Submission(metadata.Verb, metadata.Data, ModalInputs.Read(view.Obj("state").Obj("values")));
        var turnId = "view:" + (payload.Str("trigger_id") ?? Guid.NewGuid().ToString("N"));
        var work = new InboundWork(target, turnId, payload.Obj("user").Str("name"), null, [submission], null);

        // The turn belongs to the bot, not the request: it finishes even if Slack stops waiting.
        var running = RunAsync(work, lifetime.ApplicationStopping);
        TurnOutcome outcome;
        try
        {
            outcome = await running.WaitAsync(options.Value.ModalBudget, clock, requestAborted).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever happened, the running turn is handed to the queue, which reports failures.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogModalLate(logger, ex.GetType().Name);
            Enqueue(new DeliveryWork(target, running, ModalClosed: true));
            return TypedResults.Ok();
        }

        if (outcome.Duplicate)
        {
            return TypedResults.Ok();
        }

        var formReply = outcome.Replies.FirstOrDefault(r => r.Card is { IsForm: true });
        var errors = formReply?.Card is { } card ? BlockKitRenderer.FormErrors(card) : new Dictionary<string, string>();
        var others = outcome.Replies.Where(r => !ReferenceEquals(r, formReply) || errors.Count == 0).ToList();
        if (others.Count > 0)
        {
            // A form saved without errors closes its modal (a modal left open after a save offers only
            // "Cancel"): what the form said ("Saved by …") follows privately, with where to change it.
            Enqueue(new DeliveryWork(target, Task.FromResult(new TurnOutcome(others, false)), ModalClosed: true));
        }

        if (errors.Count == 0)
        {
            return TypedResults.Ok();
        }

        var map = new JsonObject();
        foreach (var (id, message) in errors)
        {
            map[id] = message;
        }

        return TypedResults.Json(new JsonObject { ["response_action"] = "errors", ["errors"] = map });
    }

    private async Task<TurnOutcome> RunAsync(InboundWork work, CancellationToken cancellationToken)
    {
        var turns = await runner.BuildTurnsAsync(work, cancellationToken).ConfigureAwait(false);
        return await processor.ProcessAsync(turns[0], cancellationToken).ConfigureAwait(false);
    }

    private void Enqueue(SlackWork work)
    {
        if (!queue.TryEnqueue(work))
        {
            LogQueueFull(logger);
        }
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Error, Message = "The Slack queue is full; an interaction was turned away")]
    private static partial void LogQueueFull(ILogger logger);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Warning, Message = "A modal submission was not finished within the budget ({Reason}); its replies will follow as messages")]
    private static partial void LogModalLate(ILogger logger, string reason);
}
