using System.Globalization;
using System.Text;
using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Meetings;
using CommunityPlanning.Conversations.Plans;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Bot.Plans;

/// <summary>
/// The documents, built from the group's records when a link is opened: <c>GET /plans/{groupId}/plan.docx</c> (the
/// plan in Word), <c>GET /plans/{groupId}/actions.csv</c> (the action plan) and <c>GET /minutes/{groupId}/{meetingId}.docx</c>
/// (minutes in Word), each with <c>?expires=…&amp;kid=…&amp;sig=…</c>. The signature is checked before anything is read:
/// 403 forged, 410 expired; nothing is served without a valid one.
/// </summary>
internal static partial class PlanDocumentsApi
{
    public const string Forged = "This link isn't valid. Type \"plan document\" or \"export actions\" in your group's chat with the bot for a fresh link.";

    public const string Expired = "This link has expired (links last 7 days). Type \"plan document\" or \"export actions\" in your group's chat with the bot for a fresh one.";

    public const string Missing = "There's nothing to download here yet. Type \"plan\" in your group's chat with the bot to see what to do first.";

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Registers <see cref="PlanLinks"/> as the commands' <see cref="IPlanLinks"/> (replacing the stand-in).</summary>
    public static WebApplicationBuilder AddPlanDocumentsHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlanLinks>();
        builder.Services.AddSingleton<IPlanLinks>(sp => sp.GetRequiredService<PlanLinks>());
        return builder;
    }

    public static WebApplication MapPlanDocumentsApi(this WebApplication app)
    {
        app.MapGet("/plans/{groupId}/plan.docx", async Task<IResult> (
            string groupId, string? expires, string? kid, string? sig, HttpContext http, PlanLinks links, IGroupStore store, TimeProvider clock, ILogger<PlanLinks> logger, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            if (Refused(http, MinutesApi.IsGroupId(groupId), links.Check(PlanLinks.DocumentPath(groupId), PlanLinks.DocumentPurpose, expires, kid, sig, now), logger) is { } refused)
            {
                return refused;
            }

            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (PlanDocumentModel.From(state, now) is not { } plan)
            {
                return TypedResults.Text(Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            return TypedResults.File(PlanDocx.Write(plan), DocxType, $"{Slug(plan.CommunityName)}-plan-{Day(plan.Date)}.docx");
        });
        app.MapGet("/plans/{groupId}/actions.csv", async Task<IResult> (
            string groupId, string? expires, string? kid, string? sig, HttpContext http, PlanLinks links, IGroupStore store, TimeProvider clock, ILogger<PlanLinks> logger, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            if (Refused(http, MinutesApi.IsGroupId(groupId), links.Check(PlanLinks.CsvPath(groupId), PlanLinks.CsvPurpose, expires, kid, sig, now), logger) is { } refused)
            {
                return refused;
            }

            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (state.Find<Domain.Plans.PlanRecord>(Domain.Plans.PlanRecord.Kind) is not { } plan)
            {
                return TypedResults.Text(Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var today = DateOnly.FromDateTime(UkTime.ToLondon(now).DateTime);
            return TypedResults.File(ActionsCsv.Write(ActionPlanTable.Rows(state)), "text/csv; charset=utf-8", $"{Slug(plan.CommunityName)}-actions-{Day(today)}.csv");
        });
        app.MapGet("/minutes/{groupId}/{meetingId}.docx", async Task<IResult> (
            string groupId, string meetingId, string? expires, string? kid, string? sig, HttpContext http, MinutesLinks links, IGroupStore store, TimeProvider clock, ILogger<PlanLinks> logger, CancellationToken cancellationToken) =>
        {
            var wellFormed = MinutesApi.IsGroupId(groupId) && MeetingIds.IsValid(meetingId);
            var check = wellFormed ? links.CheckWord(groupId, meetingId, expires, kid, sig, clock.GetUtcNow()) : LinkCheck.Forged;
            if (Refused(http, wellFormed, check, logger) is { } refused)
            {
                return refused;
            }

            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (state.Find<MinutesRecord>(MinutesRecord.KeyFor(meetingId)) is not { } minutes)
            {
                return TypedResults.Text(MinutesApi.Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var day = DateOnly.FromDateTime(UkTime.ToLondon(minutes.Summary.StartedAt).DateTime);
            return TypedResults.File(MinutesDocx.Write(minutes.Summary), DocxType, $"minutes-{Day(day)}.docx");
        });
        return app;
    }

    private static IResult? Refused(HttpContext http, bool wellFormed, LinkCheck check, ILogger logger) =>
        SignedDownload.Refusal(http, wellFormed, check, Forged, Expired, reason => LogRefused(logger, reason));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A file name safe everywhere: ASCII letters and digits, dashes between words.
    internal static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '\'')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "community" : text.Length > 40 ? text[..40].TrimEnd('-') : text;
    }

    [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Refused a document download: the link was {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
