using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Testing;
using CsvHelper;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Meetings.MeetingFlow;

namespace CommunityPlanning.Bot.Tests.Plans;

/// <summary>
/// A journey through the real host (Kestrel, Azurite, a fake Connector, a fake clock) to the documents: each is
/// downloaded through the link on its card, a tampered link gets 403 and an expired one 410.
/// </summary>
public sealed class PlanDocumentsEndToEndTests : ConnectorTest
{
    [Fact]
    public async Task Journey_ThenEachDocumentThroughItsLink_TamperedRefusedExpiredGone()
    {
        // Fri 14 Mar 2025, 10am London.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
        using var host = new FakeClockHost(clock);
        await StartPlanAsync(host.PostActivityAsync, Activities, Connector);

        // Before anything is drafted, the document says what to do first.
        await host.PostActivityAsync(Activities.Message("plan document", "u-bob", "Bob"));
        Assert.Contains("There's no plan to put in a document yet", (await Next(clock)).AllText(), StringComparison.Ordinal);

        // Two actions, a meeting, then the plan drafted from the group's records.
        await host.PostActivityAsync(Activities.Message("I'll ask the council about a 20 mph limit by Friday", "u-ann", "Ann"));
        await Next(clock);
        await host.PostActivityAsync(Activities.Message("I'll book the village hall for the drop-in by next Friday", "u-bob", "Bob"));
        await Next(clock);
        await host.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
        Assert.Contains("Meeting in progress", (await Next(clock)).AllText(), StringComparison.Ordinal);
        await host.PostActivityAsync(Activities.Message("meeting end", "u-ann", "Ann"));
        var calls = new List<ConnectorCall> { await Next(clock), await Next(clock) };
        var minutesCard = calls.Single(c => c.AllText().Contains("Meeting ended by Ann", StringComparison.Ordinal));
        var minutesWord = Link(minutesCard, "Word");

        await host.PostActivityAsync(Activities.Message("draft the plan", "u-bob", "Bob"));
        Assert.Contains("I've drafted 7 sections", (await Next(clock)).AllText(), StringComparison.Ordinal);
        await host.PostActivityAsync(Activities.Message("plan document", "u-bob", "Bob"));
        var planWord = Link(await Next(clock), "Download (Word)");
        await host.PostActivityAsync(Activities.Message("export actions", "u-bob", "Bob"));
        var csvLink = Link(await Next(clock), "Download (CSV)");

        // The plan in Word: the cover, the sections, and the action table with both actions.
        var planResponse = await host.Client.GetAsync(planWord.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, planResponse.StatusCode);
        Assert.Equal(PlanDocumentsApi.DocxType, planResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("little-wittering-plan-2025-03-14.docx", planResponse.Content.Headers.ContentDisposition?.FileNameStar ?? planResponse.Content.Headers.ContentDisposition?.FileName);
        using (var doc = DocumentReading.Open(await planResponse.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("Little Wittering", DocumentReading.WithStyle(doc, DocxWriter.TitleStyle).Single());
            Assert.Contains("Fri 14 Mar 2025", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
            Assert.Single(DocumentReading.WithStyle(doc, DocxWriter.DraftStyle));
            Assert.Equal(7, DocumentReading.WithStyle(doc, DocxWriter.Heading1Style).Count);
            var rows = doc.MainDocumentPart.Document.Body.Elements<Table>().Single().Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["ask the council about a 20 mph limit", "book the village hall for the drop-in"], rows.Select(r => r[1]));
            Assert.Equal(["Ann", "Bob"], rows.Select(r => r[2]));
            Assert.Equal(["Fri 14 Mar 2025", "Fri 21 Mar 2025"], rows.Select(r => r[4]));
        }

        // The action plan as CSV.
        var csvResponse = await host.Client.GetAsync(csvLink.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        using (var reader = CsvReader.Create(csvBytes, new CsvReaderOptions { HasHeader = true }))
        {
            var titles = new List<string>();
            while (reader.Read())
            {
                titles.Add(reader.GetString("Action"));
            }

            Assert.Equal(["ask the council about a 20 mph limit", "book the village hall for the drop-in"], titles);
        }

        // The minutes in Word.
        var minutesResponse = await host.Client.GetAsync(minutesWord.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, minutesResponse.StatusCode);
        using (var minutes = DocumentReading.Open(await minutesResponse.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(["Minutes"], DocumentReading.WithStyle(minutes, DocxWriter.Heading1Style));
            Assert.Contains("Chair: Ann", minutes.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // Tampered: another signature, another group, another file, or no signature at all.
        foreach (var link in new[] { planWord, csvLink, minutesWord })
        {
            await AssertStatus(host, Tampered(link), HttpStatusCode.Forbidden, "isn't valid");
            await AssertStatus(host, link.AbsolutePath.Replace("/emulator-", "/emulator-0", StringComparison.Ordinal) + link.Query, HttpStatusCode.Forbidden, "isn't valid");
            await AssertStatus(host, link.AbsolutePath, HttpStatusCode.Forbidden, "isn't valid");
        }

        await AssertStatus(host, csvLink.AbsolutePath.Replace("actions.csv", "plan.docx", StringComparison.Ordinal) + csvLink.Query, HttpStatusCode.Forbidden, "isn't valid");
        await AssertStatus(host, minutesWord.AbsolutePath.Replace(".docx", ".md", StringComparison.Ordinal) + minutesWord.Query, HttpStatusCode.Forbidden, "isn't valid");

        // Eight days on, every link has expired.
        clock.Advance(TimeSpan.FromDays(8));
        foreach (var link in new[] { planWord, csvLink, minutesWord })
        {
            await AssertStatus(host, link.PathAndQuery, HttpStatusCode.Gone, "has expired");
        }
    }

    // Replies go out straight after each save or, when the conversation's throttle put one off, from the outbox
    // dispatcher's next pass on the fake clock: move time on a little while waiting (links last 7 days).
    private async Task<ConnectorCall> Next(FakeTimeProvider clock)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                return await Connector.NextAsync(TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        return await Connector.NextAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task AssertStatus(FakeClockHost host, string pathAndQuery, HttpStatusCode status, string message)
    {
        var response = await host.Client.GetAsync(pathAndQuery);
        Assert.True(status == response.StatusCode, $"{pathAndQuery}: {response.StatusCode}");
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.NoStore == true ? "no-store" : null);
    }

    private static string Tampered(Uri link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var sig = query["sig"]!;
        return $"{link.AbsolutePath}?expires={query["expires"]}&kid={query["kid"]}&sig={(sig[0] == 'A' ? "B" : "A") + sig[1..]}";
    }

    /// <summary>The address of the link button with this title on the card a call carries.</summary>
    private static Uri Link(ConnectorCall call, string title)
    {
        var found = Find(call.Body, title);
        Assert.True(found is not null, $"No link button \"{title}\" in:\n{call.AllText()}");
        return found!;
    }

    private static Uri? Find(JsonNode? node, string title)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["title"]?.GetValue<string>() == title && o["url"] is JsonValue url)
                {
                    return new Uri(url.GetValue<string>());
                }

                return o.Select(p => Find(p.Value, title)).FirstOrDefault(u => u is not null);
            case JsonArray a:
                return a.Select(n => Find(n, title)).FirstOrDefault(u => u is not null);
            default:
                return null;
        }
    }
}
