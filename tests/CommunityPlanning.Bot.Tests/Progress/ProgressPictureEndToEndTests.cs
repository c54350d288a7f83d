using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Progress;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace CommunityPlanning.Bot.Tests.Progress;

/// <summary>
/// The progress card's picture through the real host (Kestrel, Azurite, a fake Connector, a fake clock): the card
/// carries it with alt text, its signed link gives the PNG, a tampered link 403 and an expired one 410.
/// </summary>
public sealed class ProgressPictureEndToEndTests : ConnectorTest
{
    [Fact]
    public async Task Progress_NewPlan_CardHasPictureWithAltText_LinkServesPng_Tampered403_Expired410()
    {
        using var host = new FakeClockHost(new FakeTimeProvider(new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero)));
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, Activities, Connector);

        await host.PostActivityAsync(Activities.Message("progress", "u-ann", "Ann"));
        var card = (await Connector.NextAsync()).Card()!;

        var image = Images(card).Single();
        Assert.Equal("Picture of the nine steps in four stages: Launch (steps 1 to 3), Evidence (step 4), Agree (steps 5 to 7), Deliver (steps 8 and 9). Now: step 1. To do: steps 2 to 9.", (string?)image["altText"]);
        Assert.Contains("Step 1: ", CardReading.AllText(card), StringComparison.Ordinal);
        Assert.Contains("Current step", CardReading.AllText(card), StringComparison.Ordinal);
        var link = new Uri((string)image["url"]!);
        Assert.Equal("/progress/ctttttttt.png", link.AbsolutePath);

        using var response = await host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using (var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((ProgressPicture.Width, ProgressPicture.Height), (bitmap.Width, bitmap.Height));
            var current = ProgressPicture.Tile(1);
            var toDo = ProgressPicture.Tile(2);
            Assert.Equal(ProgressPicture.CurrentFill, bitmap.GetPixel((int)current.Left + 10, (int)current.Top + 10));
            Assert.Equal(ProgressPicture.ToDoFill, bitmap.GetPixel((int)toDo.Left + 10, (int)toDo.Top + 10));
        }

        // Another state under the same signature, a changed signature, or a code that is no state: 403.
        var otherState = link.PathAndQuery.Replace("ctttttttt", "ddddddddc", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(otherState)).StatusCode);
        var query = link.PathAndQuery;
        var badSignature = query[..^1] + (query[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(badSignature)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(link.PathAndQuery.Replace("ctttttttt", "cccc", StringComparison.Ordinal))).StatusCode);

        // Still good a month on (the links outlast the chat's recent history), gone after the expiry.
        host.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(link.PathAndQuery)).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Gone, (await host.Client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    private static IEnumerable<JsonObject> Images(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Image" => [o],
        JsonObject o => o.SelectMany(p => Images(p.Value)),
        JsonArray a => a.SelectMany(Images),
        _ => [],
    };
}
