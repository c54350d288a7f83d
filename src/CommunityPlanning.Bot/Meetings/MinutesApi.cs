using System.Globalization;
using CommunityPlanning.Bot.Links;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>
/// <c>GET /minutes/{groupId}/{meetingId}.md?expires=…&amp;kid=…&amp;sig=…</c>: a meeting's minutes as a Markdown download,
/// for anyone holding a link the bot signed. The signature is checked before anything is read.
/// </summary>
internal static partial class MinutesApi
{
    public const string Forged = "This minutes link isn't valid. Type \"minutes\" in your group's chat with the bot to get a fresh link.";

    public const string Expired = "This minutes link has expired (links last 7 days). Type \"minutes\" in your group's chat with the bot to get a fresh one.";

    public const string Missing = "I can't find these minutes any more. Type \"minutes list\" in your group's chat with the bot to see the ones I have.";

    public static WebApplication MapMinutesApi(this WebApplication app)
    {
        app.MapGet("/minutes/{groupId}/{meetingId}.md", async Task<IResult> (
            string groupId,
            string meetingId,
            string? expires,
            string? kid,
            string? sig,
            HttpContext http,
            MinutesLinks links,
            IGroupStore store,
            TimeProvider clock,
            ILogger<MinutesLinks> logger,
            CancellationToken cancellationToken) =>
        {
            var wellFormed = IsGroupId(groupId) && MeetingIds.IsValid(meetingId);
            var check = wellFormed ? links.Check(groupId, meetingId, expires, kid, sig, clock.GetUtcNow()) : LinkCheck.Forged;
            if (SignedDownload.Refusal(http, wellFormed, check, Forged, Expired, reason => LogRefused(logger, wellFormed ? groupId : "(malformed)", reason)) is { } refused)
            {
                return refused;
            }

            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (state.Find<MinutesRecord>(MinutesRecord.KeyFor(meetingId)) is not { } minutes)
            {
                return TypedResults.Text(Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var day = DateOnly.FromDateTime(UkTime.ToLondon(minutes.Summary.StartedAt).DateTime);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"minutes-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.md\"";
            return TypedResults.Text(minutes.Markdown, "text/markdown; charset=utf-8");
        });
        return app;
    }

    // Group ids are made by GroupIds.For: lower-case letters, digits and one dash.
    internal static bool IsGroupId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Refused a minutes download for group {GroupId}: the link was {Reason}")]
    private static partial void LogRefused(ILogger logger, string groupId, string reason);
}
