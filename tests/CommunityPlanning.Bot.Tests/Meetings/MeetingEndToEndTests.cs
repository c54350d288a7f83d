using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Links;
using CommunityPlanning.Bot.Meetings;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Turns;
using Microsoft.Extensions.DependencyInjection;
using CommunityPlanning.Testing;
using static CommunityPlanning.Bot.Tests.Meetings.MeetingFlow;

namespace CommunityPlanning.Bot.Tests.Meetings;

/// <summary>A whole meeting through the real host: Kestrel, Azurite and a fake Connector.</summary>
public sealed class MeetingEndToEndTests : ConnectorTest
{
    private static readonly (string Id, string Name)[] Members = [("u-ann", "Ann"), ("u-bob", "Bob"), ("u-cat", "Cat")];

    private static readonly string[] Items =
        ["contact-adviser", "invite-councillors", "council-agrees", "choose-type-area", "launch-event", "collect-volunteers"];

    [Fact]
    public async Task Meeting_ThreeMembersAtOnce_NothingLost_MinutesSurviveARestartAndDownload()
    {
        var settings = LinkSettings();
        string prefix;
        string firstInstance;
        Uri link;
        using (var host = new BotHost(settings: settings))
        {
            prefix = host.TablePrefix;
            await StartPlanAsync(host.PostActivityAsync, Activities, Connector);
            await host.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
            var posted = await Connector.NextAsync();
            var card = posted.Card()!;
            var cardId = posted.SentId!;
            Assert.Contains("Meeting in progress", CardReading.AllText(card), StringComparison.Ordinal);
            var here = CardReading.ActionData(card, "meeting.here")!;

            // Each member arrives, ticks two items and records a decision: nine requests at the same moment.
            var posts = Members.SelectMany((m, i) => new[]
            {
                Activities.Invoke("meeting.here", (JsonObject)here.DeepClone(), userId: m.Id, userName: m.Name, replyToId: cardId),
                Activities.Invoke("meeting.tick", TickData(card, Items[2 * i]), userId: m.Id, userName: m.Name, replyToId: cardId),
                Activities.Invoke("meeting.tick", TickData(card, Items[(2 * i) + 1]), userId: m.Id, userName: m.Name, replyToId: cardId),
                Activities.Message($"decision {m.Name} proposes item {i}", m.Id, m.Name),
            }).ToList();
            var responses = await Task.WhenAll(posts.Select(host.PostActivityAsync));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            // The one meeting card is updated in place for everyone: 9 PUTs for the presses and 3 for the typed
            // decisions, plus a line of text (POST) confirming each decision.
            var calls = await DrainAsync(Connector, 15);
            Assert.Equal(12, calls.Count(c => c.Method == "PUT"));
            Assert.All(calls.Where(c => c.Method == "PUT"), c => Assert.EndsWith($"/activities/{cardId}", c.Path, StringComparison.Ordinal));
            Assert.Equal(3, calls.Count(c => c.Method == "POST"));
            Assert.All(calls.Where(c => c.Method == "POST"), c => Assert.Contains("Decision recorded", c.AllText(), StringComparison.Ordinal));
            Assert.DoesNotContain(calls, c => c.AllText().Contains("Lots of people are changing", StringComparison.Ordinal));

            await host.PostActivityAsync(Activities.Message("meeting end", "u-ann", "Ann"));

            // The shared card changes for everyone to "Meeting ended" (in place), then the minutes follow.
            var ended = await Connector.NextAsync();
            Assert.Equal("PUT", ended.Method);
            Assert.EndsWith($"/activities/{cardId}", ended.Path, StringComparison.Ordinal);
            Assert.Contains("Meeting ended", ended.AllText(), StringComparison.Ordinal);
            var minutes = await Connector.NextAsync();
            var text = minutes.AllText();
            Assert.Contains("Meeting ended by Ann", text, StringComparison.Ordinal);
            Assert.Contains("Ann, Bob, Cat", text, StringComparison.Ordinal);
            foreach (var (_, name) in Members)
            {
                Assert.Contains($"{name} proposes item", text, StringComparison.Ordinal);
            }

            Assert.Equal(6, CountOccurrences(text, "Step 1: "));
            link = DownloadLink(text);
            firstInstance = host.Services.GetRequiredService<OutboxOptions>().InstanceId;
        }

        // Restarted after a key rotation: k2 now signs new links, k1 is still accepted.
        var rotated = new Dictionary<string, string?>
        {
            ["Links:SigningKeys:k1"] = SigningKey,
            ["Links:SigningKeys:k2"] = NextSigningKey,
            ["Links:CurrentKeyId"] = "k2",
        };
        using var restarted = new BotHost(prefix, rotated);

        // The first host stopped gracefully: it deleted the rows it had done and handed back any it still claimed, so
        // nothing holds the group's later replies until a claim runs out.
        var rows = await restarted.Services.GetRequiredService<IOutboxStore>().ListAsync(new ConversationKey("emulator", "tenant-1", "conv-1").GroupId);
        Assert.DoesNotContain(rows, r => r.Record.ClaimedBy == firstInstance);
        await restarted.PostActivityAsync(Activities.Message("minutes", "u-bob", "Bob"));
        var again = (await Connector.NextAsync()).AllText();
        Assert.Contains("Minutes: Little Wittering steering group", again, StringComparison.Ordinal);
        Assert.Contains("Cat proposes item 2", again, StringComparison.Ordinal);
        Assert.Contains("&kid=k2&", again, StringComparison.Ordinal);

        // The link posted before the restart still works: it names k1, which is still accepted.
        Assert.Contains("&kid=k1&", link.Query, StringComparison.Ordinal);
        var download = await restarted.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var markdown = await download.Content.ReadAsStringAsync();
        Assert.StartsWith("# Little Wittering steering group: minutes", markdown, StringComparison.Ordinal);
        Assert.Contains("## Decisions", markdown, StringComparison.Ordinal);
        Assert.Contains("Bob proposes item 1", markdown, StringComparison.Ordinal);
        Assert.Equal(6, CountOccurrences(markdown, "- Step 1: "));
    }

    [Fact]
    public async Task MinutesLink_ForgedOrExpired_IsRefused()
    {
        using var host = new BotHost(settings: LinkSettings());
        await StartPlanAsync(host.PostActivityAsync, Activities, Connector);
        await host.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
        await Connector.NextAsync();
        await host.PostActivityAsync(Activities.Message("meeting end", "u-ann", "Ann"));
        Assert.Contains("Meeting ended", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);
        var link = DownloadLink((await Connector.NextAsync()).AllText());
        var first = await host.Client.GetAsync(link.PathAndQuery);
        Assert.True(first.StatusCode == HttpStatusCode.OK, link + " " + await first.Content.ReadAsStringAsync());

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var path = link.AbsolutePath;
        var sig = query["sig"]!;
        var forgedSig = (sig[0] == 'A' ? "B" : "A") + sig[1..];
        await AssertRefused(host, $"{path}?expires={query["expires"]}&kid=k1&sig={forgedSig}", HttpStatusCode.Forbidden, "isn't valid");
        await AssertRefused(host, $"{path}?expires={long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 86400}&kid=k1&sig={sig}", HttpStatusCode.Forbidden, "isn't valid");
        await AssertRefused(host, $"{path}?expires={query["expires"]}&kid=k2&sig={sig}", HttpStatusCode.Forbidden, "isn't valid");
        await AssertRefused(host, $"{path}?expires={query["expires"]}&sig={sig}", HttpStatusCode.Forbidden, "isn't valid");
        await AssertRefused(host, path, HttpStatusCode.Forbidden, "isn't valid");
        var otherGroup = path.Replace("/minutes/emulator-", "/minutes/emulator-0", StringComparison.Ordinal);
        await AssertRefused(host, $"{otherGroup}?{link.Query.TrimStart('?')}", HttpStatusCode.Forbidden, "isn't valid");

        // Signed with the right key, but its expiry has passed.
        var segments = path.Split('/');
        var signer = new LinkSigner(new Dictionary<string, byte[]> { ["k1"] = Convert.FromBase64String(SigningKey) }, "k1", new Uri("http://localhost:3978"));
        var old = signer.Sign(MinutesLinks.PathFor(segments[2], segments[3][..^3]), MinutesLinks.Purpose, TimeProvider.System.GetUtcNow().AddDays(-1));
        await AssertRefused(host, old.PathAndQuery, HttpStatusCode.Gone, "has expired");
    }

    private static async Task AssertRefused(BotHost host, string pathAndQuery, HttpStatusCode status, string message)
    {
        var response = await host.Client.GetAsync(pathAndQuery);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
