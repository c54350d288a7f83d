using System.Globalization;
using System.Net;
using System.Text;
using CommunityPlanning.Domain.Surveys;

namespace CommunityPlanning.Bot.Surveys;

/// <summary>
/// The upload page: a plain HTML form (no scripts, nothing loaded from elsewhere), readable at phone width, with
/// a message after each upload. The form posts back to the same signed address.
/// </summary>
internal static class SurveyUploadPage
{
    /// <summary>The form, with an optional message above it (an error is announced to screen readers).</summary>
    public static string Form(string action, string? message = null, bool error = false) =>
        Page("Upload survey results", (message is null ? string.Empty : Message(message, error)) +
            $"""
            <p>Upload the export of your survey: from Microsoft Forms (.xlsx), Google Forms or SurveyMonkey (.csv), or your own spreadsheet (.xlsx, .csv or Unicode text .txt). The first row must name the questions. Up to 10 MB.</p>
            <form method="post" action="{WebUtility.HtmlEncode(action)}" enctype="multipart/form-data">
            <label for="file">Survey file</label>
            <input id="file" name="file" type="file" required accept=".xlsx,.csv,.txt,.tsv,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <button type="submit">Upload</button>
            </form>
            <p class="hint">I'll add up the answers for each question and post the totals in your group's chat.</p>
            """);

    /// <summary>What was imported, question by question.</summary>
    public static string Imported(SurveyResults results, string action)
    {
        ArgumentNullException.ThrowIfNull(results);
        var body = new StringBuilder();
        body.Append(Message(string.Create(CultureInfo.InvariantCulture, $"Done: {results.Respondents} responses and {results.Questions.Count} questions from {results.FileName}. The totals are posted in your group's chat."), false));
        body.Append("<ol>");
        foreach (var q in results.Questions)
        {
            body.Append("<li>").Append(WebUtility.HtmlEncode(q.Heading));
            body.Append(q.QuestionId is null ? " <em>(not matched)</em>" : string.Empty);
            body.Append(string.Create(CultureInfo.InvariantCulture, $" — {q.Answered} answered</li>"));
        }

        body.Append("</ol><p>You can close this page, or upload another file.</p>");
        return Page("Survey results uploaded", body + FormOnly(action));
    }

    /// <summary>A page with only a message (a refused link).</summary>
    public static string Refused(string message) => Page("Upload survey results", Message(message, true));

    private static string FormOnly(string action) =>
        $"""
        <form method="post" action="{WebUtility.HtmlEncode(action)}" enctype="multipart/form-data">
        <label for="file">Another survey file</label>
        <input id="file" name="file" type="file" required accept=".xlsx,.csv,.txt,.tsv">
        <button type="submit">Upload</button>
        </form>
        """;

    private static string Message(string text, bool error) =>
        error
            ? $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(text)}</p>"
            : $"<p class=\"done\" role=\"status\">{WebUtility.HtmlEncode(text)}</p>";

    private static string Page(string title, string body) =>
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + WebUtility.HtmlEncode(title) + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}"
        + "label{display:block;font-weight:600;margin:1rem 0 .25rem}input[type=file]{display:block;max-width:100%;font-size:1rem}"
        + "button{margin-top:1rem;font-size:1rem;padding:.6rem 1.2rem;border:2px solid #1b1b1b;border-radius:4px;background:#fff;color:#1b1b1b;cursor:pointer}"
        + "button:focus,input:focus{outline:3px solid #0b57d0;outline-offset:2px}.error{color:#a4000f;font-weight:600}.done{font-weight:600}.hint{color:#444}</style>"
        + "</head><body><main><h1>" + WebUtility.HtmlEncode(title) + "</h1>" + body + "</main></body></html>";
}
