using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// The small pages of the "Add to Slack" install, in plain words, each saying what to do next. Everything shown
/// that came from outside (a workspace name) is HTML-encoded; the pages load nothing from elsewhere, are never
/// cached, and send no referrer (the callback's address holds the one-time code).
/// </summary>
internal static class SlackInstallPages
{
    public static IResult Install(Uri authorizeUrl) => Page(
        StatusCodes.Status200OK,
        "Add PlanBot to Slack",
        "<p>PlanBot helps your steering group work through Community Led Planning: checklists, actions, meetings and reminders.</p>"
        + "<p>Press the button to add it to your Slack workspace. Slack will ask you to allow it. You may need to be a workspace admin, or ask one.</p>"
        + $"<p><a class=\"button\" href=\"{Encode(authorizeUrl.AbsoluteUri)}\">Add to Slack</a></p>"
        + "<p>This link works for 10 minutes. If it has run out, reload this page.</p>");

    public static IResult Installed(string workspace) => Page(
        StatusCodes.Status200OK,
        "PlanBot is in your workspace",
        $"<p>PlanBot has been added to <strong>{Encode(workspace)}</strong>.</p>"
        + "<p>Next: go to your steering group's channel and type <code>/invite @PlanBot</code>. Then type <code>/plan help</code> to see what it can do.</p>"
        + "<p>If PlanBot was in this workspace before, your group's plan, actions and meetings are as you left them, and reminders start again.</p>");

    public static IResult BadState() => Page(
        StatusCodes.Status400BadRequest,
        "This install link has run out",
        "<p>This install link is not valid, or it is more than 10 minutes old. Nothing was added.</p>"
        + "<p>Please start again from the <a href=\"/api/slack/install\">install page</a>.</p>");

    public static IResult Cancelled() => Page(
        StatusCodes.Status200OK,
        "PlanBot was not added",
        "<p>You didn't allow PlanBot, so nothing was added to your workspace.</p>"
        + "<p>You can try again from the <a href=\"/api/slack/install\">install page</a> whenever you like.</p>");

    public static IResult NoCode() => Page(
        StatusCodes.Status400BadRequest,
        "Something is missing",
        "<p>Slack didn't send what I need to finish adding PlanBot. Nothing was added.</p>"
        + "<p>Please start again from the <a href=\"/api/slack/install\">install page</a>.</p>");

    public static IResult ExchangeFailed() => Page(
        StatusCodes.Status502BadGateway,
        "Slack didn't confirm the install",
        "<p>I couldn't finish adding PlanBot, because Slack didn't confirm it. Nothing was added.</p>"
        + "<p>Please try again from the <a href=\"/api/slack/install\">install page</a> in a minute. If it keeps happening, tell whoever looks after PlanBot.</p>");

    public static IResult NotSaved() => Page(
        StatusCodes.Status503ServiceUnavailable,
        "PlanBot couldn't save the install",
        "<p>Slack confirmed it, but I couldn't save the install just now, so PlanBot is not added yet.</p>"
        + "<p>Please try again from the <a href=\"/api/slack/install\">install page</a> in a minute.</p>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(int status, string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}")
            .Append(".button{display:inline-block;background:#4a154b;color:#fff;padding:.7rem 1.2rem;border-radius:6px;text-decoration:none;font-weight:600}")
            .Append("code{background:#f4f4f4;padding:0 .2rem}</style></head><body>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return new PageResult(status, html);
    }

    private sealed class PageResult(int status, string html) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            await response.WriteAsync(html, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
