using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Meetings;
using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Storage.Rights;

namespace CommunityPlanning.Bot.Rights;

/// <summary>
/// <c>GET /rights/mydata/{personKey}.json</c> and <c>GET /rights/export/{groupId}.zip</c> (each with
/// <c>?expires=…&amp;kid=…&amp;sig=…</c>): the data-rights files, built when the link is opened, for anyone holding a
/// link the bot signed. The signature is checked before anything is read; 403 forged, 410 expired.
/// </summary>
internal static partial class RightsApi
{
    public const string Forged = "This link isn't valid. Ask the bot again in your group's chat for a fresh link.";

    public const string Expired = "This link has expired (links last 24 hours). Ask the bot again in your group's chat for a fresh one.";

    public const string Missing = "There's nothing to download here any more. Type \"help\" in your group's chat with the bot to see what you can do.";

    /// <summary>Registers <see cref="RightsLinks"/> as the commands' <see cref="IRightsLinks"/> (replacing the stand-in).</summary>
    public static WebApplicationBuilder AddRightsHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RightsLinks>();
        builder.Services.AddSingleton<IRightsLinks>(sp => sp.GetRequiredService<RightsLinks>());
        return builder;
    }

    public static WebApplication MapRightsApi(this WebApplication app)
    {
        app.MapGet("/rights/mydata/{personKey}.json", async Task<IResult> (
            string personKey, string? expires, string? kid, string? sig, HttpContext http, RightsLinks links, RightsExports exports, TimeProvider clock, ILogger<RightsLinks> logger, CancellationToken cancellationToken) =>
        {
            if (Refused(http, IsPersonKey(personKey), links.Check(RightsLinks.MyDataPath(personKey), RightsLinks.MyDataPurpose, expires, kid, sig, clock.GetUtcNow()), logger) is { } refused)
            {
                return refused;
            }

            var json = await exports.PersonDataAsync(personKey, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return TypedResults.Text(Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            http.Response.Headers.ContentDisposition = "attachment; filename=\"my-data.json\"";
            return TypedResults.Text(json, "application/json; charset=utf-8");
        });
        app.MapGet("/rights/export/{groupId}.zip", async Task<IResult> (
            string groupId, string? expires, string? kid, string? sig, HttpContext http, RightsLinks links, RightsExports exports, TimeProvider clock, ILogger<RightsLinks> logger, CancellationToken cancellationToken) =>
        {
            if (Refused(http, MinutesApi.IsGroupId(groupId), links.Check(RightsLinks.ExportPath(groupId), RightsLinks.ExportPurpose, expires, kid, sig, clock.GetUtcNow()), logger) is { } refused)
            {
                return refused;
            }

            var zip = await exports.GroupZipAsync(groupId, cancellationToken).ConfigureAwait(false);
            return zip is null
                ? TypedResults.Text(Missing, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.File(zip, "application/zip", "plan-export.zip");
        });
        return app;
    }

    private static IResult? Refused(HttpContext http, bool wellFormed, LinkCheck check, ILogger logger) =>
        SignedDownload.Refusal(http, wellFormed, check, Forged, Expired, reason => LogRefused(logger, reason));

    // Person keys are made by AssigneeKeys.For: "u-" and 32 lower-case hex digits.
    private static bool IsPersonKey(string key) =>
        key.Length == 34 && key.StartsWith("u-", StringComparison.Ordinal) && key[2..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    [LoggerMessage(EventId = 5900, Level = LogLevel.Warning, Message = "Refused a data-rights download: the link was {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
