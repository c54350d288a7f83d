namespace CommunityPlanning.Bot.Links;

/// <summary>
/// What every signed link answers before it reads anything: not cached (a response that may be cached sets its own
/// header after the check), never sniffed, and for a link that fails its check a message (403 forged or malformed,
/// 410 expired) saying how to get a fresh one.
/// </summary>
internal static class SignedDownload
{
    /// <summary>
    /// Sets the download headers and returns the refusal for a link that is not <paramref name="wellFormed"/> or does not
    /// pass <paramref name="check"/>, or null when it may be served. <paramref name="logRefused"/> is told why ("forged"
    /// or "expired"); <paramref name="answer"/> words the refusal (plain text unless given, e.g. an HTML page).
    /// </summary>
    public static IResult? Refusal(
        HttpContext http, bool wellFormed, LinkCheck check, string forged, string expired, Action<string> logRefused, Func<string, int, IResult>? answer = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(logRefused);
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!wellFormed || check == LinkCheck.Forged)
        {
            logRefused("forged");
            return (answer ?? Text)(forged, StatusCodes.Status403Forbidden);
        }

        if (check == LinkCheck.Expired)
        {
            logRefused("expired");
            return (answer ?? Text)(expired, StatusCodes.Status410Gone);
        }

        return null;
    }

    /// <summary>A plain-text answer.</summary>
    public static IResult Text(string text, int status) => TypedResults.Text(text, "text/plain; charset=utf-8", statusCode: status);
}
