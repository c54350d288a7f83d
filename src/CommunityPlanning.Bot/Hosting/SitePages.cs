using System.Net;
using System.Reflection;
using System.Text;

namespace CommunityPlanning.Bot.Hosting;

/// <summary>The site's pages, built once at start-up from the Markdown in docs/ embedded in the host.</summary>
internal sealed class SitePages
{
    public SitePages()
    {
        Privacy = Page("Privacy", Read("PRIVACY.md"));
        Terms = Page("Terms of use", Read("TERMS.md"));
        Home = Page(
            "PlanBot",
            "# PlanBot\n\nA chat bot that helps volunteer steering groups make a Community Led Plan in Microsoft Teams or Slack.\n\n" +
            "Ask your Microsoft 365 administrator to add it to your team, then type \"@PlanBot help\".\n\n[Privacy](/privacy) · [Terms of use](/terms)");
    }

    public string Privacy { get; }

    public string Terms { get; }

    public string Home { get; }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("docs." + name)
            ?? throw new InvalidOperationException($"The page {name} is not embedded in the host.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // A tiny Markdown subset (headings, paragraphs, lists, links) is all these pages use.
    private static string Page(string title, string markdown)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}</style></head><body>");
        var inList = false;
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            var isItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (inList && !isItem)
            {
                html.Append("</ul>");
                inList = false;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (isItem)
            {
                html.Append(inList ? string.Empty : "<ul>").Append("<li>").Append(Inline(line[2..])).Append("</li>");
                inList = true;
            }
            else if (line.StartsWith('#'))
            {
                var level = Math.Min(line.TakeWhile(c => c == '#').Count(), 3);
                html.Append("<h").Append(level).Append('>').Append(Inline(line.TrimStart('#').Trim())).Append("</h").Append(level).Append('>');
            }
            else
            {
                html.Append("<p>").Append(Inline(line)).Append("</p>");
            }
        }

        return html.Append(inList ? "</ul>" : string.Empty).Append("</body></html>").ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        return System.Text.RegularExpressions.Regex.Replace(
            encoded,
            @"\[([^\]]+)\]\((/[^)\s]*|https://[^)\s]+)\)",
            m => $"<a href=\"{m.Groups[2].Value}\">{m.Groups[1].Value}</a>",
            System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromSeconds(1));
    }
}
