using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Work;
using CommunityPlanning.Slack.Work;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// Slack work survives the bot: acknowledged requests are stored on the durable queue (Azurite), so a
/// host stopped mid-work is finished by the next one, work that keeps failing is moved aside, and
/// repeated deliveries run one turn.
/// </summary>
public sealed class SlackReliabilityTests
{
    private const int UnreadableWorkEvent = 4182;
    private const int PoisonedEvent = 4180;

    [Fact]
    public async Task Event_HostStoppedBeforeTheWorkRan_NextHostPostsTheReplyOnce()
    {
        var first = await SlackBotHost.StartAsync();
        SlackBotHost? second = null;
        try
        {
            // The worker is held before its turn is saved: looking up who wrote the message.
            first.Slack.Hold("users.info");
            var ack = await first.PostEventAsync(Payloads.Mention("C700", "help", "Ev700"));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await first.Slack.WaitForAsync("users.info");

            await first.DisposeAsync();
            second = await SlackBotHost.StartAsync(s => s["Storage:TablePrefix"] = first.Prefix);

            var reply = await second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C700");
            Assert.Equal("What I can do", Header(reply));

            // A later message in the same conversation runs after anything left of the first.
            await second.PostEventAsync(Payloads.Mention("C700", "progress", "Ev701"));
            await second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C700" && Header(c) != "What I can do");
            Assert.Single(second.Slack.Calls("chat.postMessage"), c => Channel(c) == "C700" && Header(c) == "What I can do");
            Assert.Empty(first.Slack.Calls("chat.postMessage"));
            Assert.Empty(await PeekAsync(WorkQueue(first.Prefix)));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Event_HostStoppedWhilePostingTheReply_NextHostsOutboxPostsItOnce()
    {
        // One clock for both hosts, so the stopped host's claim on its outbox row can run out without waiting.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
        var first = await SlackBotHost.StartAsync(clock: clock);
        SlackBotHost? second = null;
        try
        {
            // The turn is saved (its reply is in the outbox) and the reply's post is held open at Slack.
            first.Slack.Hold("chat.postMessage");
            Assert.Equal(HttpStatusCode.OK, (await first.PostEventAsync(Payloads.Mention("C730", "help", "Ev730"))).StatusCode);
            await first.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C730");

            await first.DisposeAsync();
            second = await SlackBotHost.StartAsync(s => s["Storage:TablePrefix"] = first.Prefix, clock);
            clock.Advance(new OutboxOptions().ClaimTimeout + TimeSpan.FromSeconds(1));
            await second.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

            var reply = await second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C730");
            Assert.Equal("What I can do", Header(reply));

            // A later message in the same conversation is answered after it, and the first reply is not repeated.
            await second.PostEventAsync(Payloads.Mention("C730", "progress", "Ev731"));
            await second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C730" && Header(c) != "What I can do");
            var posted = first.Slack.Calls("chat.postMessage").Concat(second.Slack.Calls("chat.postMessage"))
                .Where(c => Channel(c) == "C730" && Header(c) == "What I can do")
                .ToList();
            // The held post never completed (the stopped host gave up on it), so exactly one post was made.
            Assert.True(Assert.Single(posted, c => c.Response["held"] is not null).Response["held"]!.GetValue<bool>());
            Assert.Single(posted, c => c.Response["ok"]!.GetValue<bool>());
            Assert.Empty(await PeekAsync(WorkQueue(first.Prefix)));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StoredWork_BodyAlwaysFails_MovedToPoisonQueueAfterFiveDequeues()
    {
        await using var host = await SlackBotHost.StartAsync(s => s["Slack:Queue:RetryDelay"] = "00:00:00");
        var store = host.Services.GetRequiredService<IWorkQueue>();

        Assert.True(await store.TryEnqueueAsync(new NewWork("slack:evt:EvBroken", "slack.events", Encoding.UTF8.GetBytes("{not json"))));
        host.Services.GetRequiredService<SlackQueueSignal>().Nudge();
        await host.Logs.WaitForAsync(PoisonedEvent);

        Assert.Equal(5, host.Logs.Count(UnreadableWorkEvent));
        var poison = Assert.Single(await PeekAsync(new QueueClient(Azurite.ConnectionString, (host.Prefix + "work-poison").ToLowerInvariant())));
        var kept = JsonNode.Parse(poison)!;
        Assert.Equal("slack:evt:EvBroken", kept["key"]!.GetValue<string>());
        Assert.Equal(6, kept["dequeueCount"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(kept["bodyGzipBase64"]!.GetValue<string>()));
        Assert.Empty(await PeekAsync(WorkQueue(host.Prefix)));
        var bodies = new TableClient(Azurite.ConnectionString, host.Prefix + "work");
        Assert.Empty(await bodies.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task Event_RetriedToAnotherInstanceWhileWorking_RunsOneTurn()
    {
        await using var first = await SlackBotHost.StartAsync();
        await using var second = await SlackBotHost.StartAsync(s => s["Storage:TablePrefix"] = first.Prefix);
        first.Slack.Hold("users.info");
        second.Slack.Hold("users.info");
        var mention = Payloads.Mention("C710", "help", "Ev710");

        Assert.Equal(HttpStatusCode.OK, (await first.PostEventAsync(mention)).StatusCode);
        await Task.WhenAny(first.Slack.WaitForAsync("users.info"), second.Slack.WaitForAsync("users.info"));
        var retry = await second.PostEventAsync(mention, r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        first.Slack.ReleaseHeld();
        second.Slack.ReleaseHeld();

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("1", Assert.Single(retry.Headers.GetValues("X-Slack-No-Retry")));
        await Task.WhenAny(
            first.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C710"),
            second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C710"));
        await first.PostEventAsync(Payloads.Mention("C710", "progress", "Ev711"));
        await Task.WhenAny(
            first.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C710" && Header(c) != "What I can do"),
            second.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C710" && Header(c) != "What I can do"));
        Assert.Single(first.Slack.Calls("chat.postMessage").Concat(second.Slack.Calls("chat.postMessage")), c => Channel(c) == "C710" && Header(c) == "What I can do");
    }

    [Fact]
    public async Task SlashCommand_SentTwice_RunsOneTurn()
    {
        await using var host = await SlackBotHost.StartAsync();
        var command = Payloads.Command("C720", "help");

        Assert.Equal(HttpStatusCode.OK, (await host.PostCommandAsync(command)).StatusCode);
        await host.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C720");
        Assert.Equal(HttpStatusCode.OK, (await host.PostCommandAsync(command)).StatusCode);
        await host.PostCommandAsync(Payloads.Command("C720", "progress"));

        await host.Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C720" && Header(c) != "What I can do");
        Assert.Single(host.Slack.Calls("chat.postMessage"), c => Channel(c) == "C720" && Header(c) == "What I can do");
    }

    private static QueueClient WorkQueue(string prefix) => new(Azurite.ConnectionString, (prefix + "work").ToLowerInvariant());

    private static async Task<IReadOnlyList<string>> PeekAsync(QueueClient queue) =>
        (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();

    private static string? Channel(RecordedCall call) => call.Body["channel"]?.GetValue<string>();

    private static string Header(RecordedCall call) =>
        call.Body["blocks"]?.AsArray().FirstOrDefault(b => b!["type"]!.GetValue<string>() == "header")?["text"]!["text"]!.GetValue<string>() ?? string.Empty;
}
