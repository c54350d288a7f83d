using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Bot.Progress;

/// <summary>
/// <c>GET /progress/{marks}.png?expires=…&amp;kid=…&amp;sig=…</c>: the picture on the progress card, for anyone
/// holding a link the bot signed (Teams and Slack fetch it from their own servers, so it is public under
/// <c>PublicBaseUrl</c>). The signature is checked first; 403 forged, 410 expired. Nothing is read from storage:
/// the signed path holds the marks drawn.
/// </summary>
internal static partial class ProgressPictureApi
{
    public const string Forged = "This picture link isn't valid. Type \"progress\" in your group's chat with the bot to see the plan's progress.";

    public const string Expired = "This picture link has expired. Type \"progress\" in your group's chat with the bot for a fresh one.";

    /// <summary>Registers <see cref="ProgressPictureLinks"/> as the progress card's <see cref="IProgressPictures"/> (replacing the stand-in).</summary>
    public static WebApplicationBuilder AddProgressPictures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProgressPictureLinks>();
        builder.Services.AddSingleton<IProgressPictures>(sp => sp.GetRequiredService<ProgressPictureLinks>());
        builder.Services.AddSingleton<ProgressPictureCache>();
        return builder;
    }

    public static WebApplication MapProgressPictureApi(this WebApplication app)
    {
        app.MapGet("/progress/{code}.png", IResult (
            string code, string? expires, string? kid, string? sig, HttpContext http, ProgressPictureLinks links, ProgressPictureCache cache, TimeProvider clock, ILogger<ProgressPictureLinks> logger) =>
        {
            var wellFormed = ProgressMarks.TryParse(code, out var marks);
            var check = wellFormed ? links.Check(code, expires, kid, sig, clock.GetUtcNow()) : LinkCheck.Forged;
            if (SignedDownload.Refusal(http, wellFormed, check, Forged, Expired, reason => LogRefused(logger, reason)) is { } refused)
            {
                return refused;
            }

            // The same link always gives the same picture, and it names no one: any cache may keep it for a day.
            http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
            return TypedResults.File(cache.Get(marks), "image/png");
        });
        return app;
    }

    [LoggerMessage(EventId = 5500, Level = LogLevel.Warning, Message = "Refused a progress picture: the link was {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
