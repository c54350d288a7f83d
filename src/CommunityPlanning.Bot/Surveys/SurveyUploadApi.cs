using System.Net;
using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Meetings;
using CommunityPlanning.Conversations.Surveys;
using Microsoft.AspNetCore.Http.Features;

namespace CommunityPlanning.Bot.Surveys;

/// <summary>
/// <c>GET</c> and <c>POST /surveys/upload/{groupId}?expires=…&amp;kid=…&amp;sig=…</c>: the page where an officer uploads
/// a survey export, for anyone holding a link the bot signed (purpose <c>survey-upload</c>). The signature is
/// checked before anything else (403 forged, 410 expired); the body is capped by Kestrel's request body limit
/// (<see cref="MaxBodyBytes"/>, 413); a file that can't be read gets a plain message (422) and stores nothing.
/// </summary>
internal static partial class SurveyUploadApi
{
    /// <summary>The largest file taken.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The largest request body: the file and the multipart framing around it.</summary>
    public const long MaxBodyBytes = MaxFileBytes + (16 * 1024);

    public const string Forged = "This upload link isn't valid. Type \"survey upload\" in your group's chat with the bot to get a fresh link.";

    public const string Expired = "This upload link has expired (links last 24 hours). Type \"survey upload\" in your group's chat with the bot to get a fresh one.";

    public const string TooLarge = "That file is over 10 MB, so I haven't stored anything. Export only the responses (no pictures), or split the file, and upload it again.";

    public const string NoFile = "Choose a file to upload first.";

    /// <summary>Registers the upload links (replacing the stand-in) for the survey command.</summary>
    public static WebApplicationBuilder AddSurveysHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SurveyUploadLinks>();
        builder.Services.AddSingleton<ISurveyUploadLinks>(sp => sp.GetRequiredService<SurveyUploadLinks>());
        return builder;
    }

    public static WebApplication MapSurveyUploadApi(this WebApplication app)
    {
        app.MapGet("/surveys/upload/{groupId}", (string groupId, string? expires, string? kid, string? sig, HttpContext http, SurveyUploadLinks links, TimeProvider clock, ILogger<SurveyUploadLinks> logger) =>
            Refused(http, groupId, links.Check(groupId, expires, kid, sig, clock.GetUtcNow()), logger)
                ?? Html(SurveyUploadPage.Form(Action(groupId, expires, kid, sig))));

        app.MapPost("/surveys/upload/{groupId}", async Task<IResult> (
            string groupId,
            string? expires,
            string? kid,
            string? sig,
            HttpContext http,
            SurveyUploadLinks links,
            SurveyImport import,
            TimeProvider clock,
            ILogger<SurveyUploadLinks> logger,
            CancellationToken cancellationToken) =>
        {
            if (Refused(http, groupId, links.Check(groupId, expires, kid, sig, clock.GetUtcNow()), logger) is { } refused)
            {
                return refused;
            }

            var action = Action(groupId, expires, kid, sig);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return Problem(action, TooLarge, StatusCodes.Status413PayloadTooLarge);
            }

            IFormFile? file;
            byte[] content;
            try
            {
                if (!http.Request.HasFormContentType)
                {
                    return Problem(action, NoFile, StatusCodes.Status400BadRequest);
                }

                var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                file = form.Files.GetFile("file");
                if (file is null || file.Length == 0)
                {
                    return Problem(action, file is null ? NoFile : "The file is empty. Export the survey again and upload that file.", StatusCodes.Status400BadRequest);
                }

                if (file.Length > MaxFileBytes)
                {
                    return Problem(action, TooLarge, StatusCodes.Status413PayloadTooLarge);
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                content = buffer.ToArray();
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Problem(action, TooLarge, StatusCodes.Status413PayloadTooLarge);
            }
            catch (InvalidDataException)
            {
                return Problem(action, "I couldn't read that upload. Choose the file again and press Upload.", StatusCodes.Status400BadRequest);
            }

            var fileName = Path.GetFileName(file.FileName);
            var (table, problem) = SurveyFileReader.Read(content, fileName);
            if (table is null)
            {
                LogUnreadable(logger, groupId);
                return Problem(action, problem!, StatusCodes.Status422UnprocessableEntity);
            }

            var result = await import.ImportAsync(groupId, table, fileName, content, cancellationToken).ConfigureAwait(false);
            return result.Outcome switch
            {
                SurveyImportOutcome.Imported => Html(SurveyUploadPage.Imported(result.Results!, action)),
                SurveyImportOutcome.AlreadyImported => Html(SurveyUploadPage.Form(action, "This file was uploaded already, so nothing changed. Type \"survey results\" in your group's chat to see the totals.")),
                SurveyImportOutcome.NoPlan => Problem(action, "Your group has no plan any more, so I haven't stored anything. Type \"start\" in your group's chat first.", StatusCodes.Status404NotFound),
                _ => Problem(action, "I couldn't save the results just now, so nothing was stored. Please try again in a minute.", StatusCodes.Status503ServiceUnavailable),
            };
        }).DisableAntiforgery();
        return app;
    }

    // The form posts back to the signed address itself: the signature is the only proof the poster may upload.
    private static string Action(string groupId, string? expires, string? kid, string? sig) =>
        $"{SurveyUploadLinks.PathFor(groupId)}?{LinkSigner.ExpiresParameter}={WebUtility.UrlEncode(expires)}&{LinkSigner.KeyIdParameter}={WebUtility.UrlEncode(kid)}&{LinkSigner.SignatureParameter}={WebUtility.UrlEncode(sig)}";

    private static IResult? Refused(HttpContext http, string groupId, LinkCheck check, ILogger logger)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        return SignedDownload.Refusal(
            http, MinutesApi.IsGroupId(groupId), check, Forged, Expired, reason => LogRefused(logger, reason), (message, status) => Html(SurveyUploadPage.Refused(message), status));
    }

    private static IResult Problem(string action, string message, int status) => Html(SurveyUploadPage.Form(action, message, error: true), status);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Text(html, "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(EventId = 5600, Level = LogLevel.Warning, Message = "Refused a survey upload: the link was {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "A survey file uploaded for group {GroupId} could not be read; nothing stored")]
    private static partial void LogUnreadable(ILogger logger, string groupId);
}
