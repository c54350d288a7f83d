using System.Net;
using System.Net.Http.Headers;
using CommunityPlanning.Bot.Surveys;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.Surveys;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Rights.RightsFlow;

namespace CommunityPlanning.Bot.Tests.Surveys;

/// <summary>
/// The survey upload through the real host (Kestrel, Azurite, a fake Connector, a fake clock): the chair asks for a
/// link, uploads a Google Forms export, and the totals are in the group's records and posted in its chat.
/// </summary>
public sealed class SurveyUploadEndToEndTests : ConnectorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 19, 0, 0, TimeSpan.Zero);

    private readonly string _conversation = "conv-survey-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Upload_SignedLinkFromTheChat_TotalsStoredAndPostedToTheGroup()
    {
        using var host = new FakeClockHost(new FakeTimeProvider(Start));
        var link = await UploadLinkAsync(host);

        var page = await host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var response = await UploadAsync(host, link, SurveyFixtures.GoogleFormsCsv(), "responses.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Done: 3 responses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var state = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(GroupOf(_conversation));
        var results = state.Find<SurveyResults>(SurveyResults.Kind)!;
        Assert.Equal(3, results.Respondents);
        var about = results.Questions.Single(q => q.QuestionId == "T3");
        Assert.Equal(new AnswerCount("Safer footpaths", 3, 100), about.Counts[0]);
        var posted = await UntilAsync(Connector, "Survey results are in");
        Assert.Contains("responses.csv", posted, StringComparison.Ordinal);
        Assert.Contains("Safer footpaths", posted, StringComparison.Ordinal);

        // The same file again changes nothing.
        var again = await UploadAsync(host, link, SurveyFixtures.GoogleFormsCsv(), "responses.csv");
        Assert.Contains("uploaded already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TamperedExpiredOrTooLarge_RefusedAndNothingStored()
    {
        using var host = new FakeClockHost(new FakeTimeProvider(Start));
        var link = await UploadLinkAsync(host);

        var otherGroup = link.PathAndQuery.Replace("/surveys/upload/emulator-", "/surveys/upload/emulator-0", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(host, new Uri(host.Client.BaseAddress!, otherGroup), SurveyFixtures.GoogleFormsCsv(), "a.csv")).StatusCode);
        var badSig = link.PathAndQuery[..^2] + (link.PathAndQuery.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(badSig)).StatusCode);

        var tooLarge = new byte[SurveyUploadApi.MaxFileBytes + 1];
        Array.Fill(tooLarge, (byte)'a');
        var large = await UploadAsync(host, link, tooLarge, "huge.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("over 10 MB", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bodyTooLarge = new byte[SurveyUploadApi.MaxBodyBytes + 1024];
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await UploadAsync(host, link, bodyTooLarge, "huger.csv")).StatusCode);

        var unreadable = await UploadAsync(host, link, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], "photo.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        Assert.Contains("role=\"alert\"", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        host.Clock.Advance(SurveyUploadLinks.LinkLifetime + TimeSpan.FromMinutes(1));
        var expired = await UploadAsync(host, link, SurveyFixtures.GoogleFormsCsv(), "a.csv");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var state = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(GroupOf(_conversation));
        Assert.Null(state.Find<SurveyResults>(SurveyResults.Kind));
    }

    // Ann starts the plan (she is the chair), picks questions and asks for the link.
    private async Task<Uri> UploadLinkAsync(FakeClockHost host)
    {
        var chat = new Activities(Connector.ServiceUrl, _conversation);
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, chat, Connector);
        await PostAsync(host, chat.Message("survey add T1 T3 H3", "u-ann", "Ann"));
        Assert.Contains("Added T1, T3, H3", await UntilAsync(Connector, "Added"), StringComparison.Ordinal);
        await PostAsync(host, FromBob(chat, "survey upload"));
        Assert.Contains("Only the chair", await UntilAsync(Connector, "survey results"), StringComparison.Ordinal);
        await PostAsync(host, chat.Message("survey upload", "u-ann", "Ann"));
        return LinkIn(await UntilAsync(Connector, "/surveys/upload/"), "/surveys/upload/");
    }

    private static async Task<HttpResponseMessage> UploadAsync(FakeClockHost host, Uri link, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        // "Expect: 100-continue" lets a request refused for its size be answered before its body is sent, so the test
        // reads the 413 (a browser sends the body at once, and the host closes the connection after answering).
        using var request = new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery) { Content = form };
        request.Headers.ExpectContinue = true;
        return await host.Client.SendAsync(request);
    }
}
