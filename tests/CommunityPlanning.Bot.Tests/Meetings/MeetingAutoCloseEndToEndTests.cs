using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Reliability;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Meetings.MeetingFlow;

namespace CommunityPlanning.Bot.Tests.Meetings;

/// <summary>The automatic close through the real host, on Azurite, with time moved on by a fake clock.</summary>
public sealed class MeetingAutoCloseEndToEndTests : ConnectorTest
{
    [Fact]
    public async Task MeetingLeftOpen_SixHoursLater_IsClosedAutomaticallyAndTheMinutesArePosted()
    {
        // Fri 14 Mar 2025, 7pm London.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero));
        using var host = new FakeClockHost(clock);
        await StartPlanAsync(host.PostActivityAsync, Activities, Connector);
        await host.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
        Assert.Contains("Meeting in progress", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);
        await host.PostActivityAsync(Activities.Message("decision repaint the bus shelter", "u-bob", "Bob"));
        Assert.Contains("Decision recorded", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);
        Assert.Equal("PUT", (await Connector.NextAsync()).Method); // the meeting card, updated in place

        clock.Advance(TimeSpan.FromHours(5));
        await host.PostActivityAsync(Activities.Message("meeting", "u-ann", "Ann"));
        var live = await Connector.NextAsync(); // the card shown again is now the meeting's shared card
        Assert.Contains("Meeting in progress", live.AllText(), StringComparison.Ordinal);

        // The background service's timer fires on the fake clock: the live meeting card is updated in place
        // to "Meeting ended" with a Minutes button, then the minutes arrive at the fake Connector.
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
        var ended = await NextAdvancingAsync(clock);
        Assert.Equal("PUT", ended.Method);
        Assert.EndsWith($"/activities/{live.SentId}", ended.Path, StringComparison.Ordinal);
        Assert.Contains("Meeting ended", ended.AllText(), StringComparison.Ordinal);
        Assert.Contains("closed automatically", ended.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("I'm here", ended.AllText(), StringComparison.Ordinal);
        Assert.NotNull(CardReading.ActionData(ended.Card(), "minutes.show"));
        var posted = await NextAdvancingAsync(clock);
        Assert.Equal("POST", posted.Method);
        Assert.Equal("/v3/conversations/conv-1/activities", posted.Path);
        var text = posted.AllText();
        Assert.Contains("Nobody ended the meeting that started Fri 14 Mar 2025 at 7:00pm", text, StringComparison.Ordinal);
        Assert.Contains("Closed automatically", text, StringComparison.Ordinal);
        Assert.Contains("repaint the bus shelter", text, StringComparison.Ordinal);

        await host.PostActivityAsync(Activities.Message("meeting", "u-ann", "Ann"));
        Assert.Contains("No meeting is open", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);
        var download = await host.Client.GetAsync(DownloadLink(text).PathAndQuery);
        Assert.Contains("**Closed:** automatically", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinutesPostHeldWhenTheHostStops_NextHostsOutboxPostsThemOnce()
    {
        // The minutes are saved with the close as an outbox row, so a host that stops before posting them loses nothing.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero));
        var prefix = Azurite.NewTablePrefix();
        var first = new OutboxHost(clock, prefix);
        await StartPlanAsync(first.PostActivityAsync, Activities, Connector);
        await first.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
        Assert.Contains("Meeting in progress", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);

        Connector.FailNext(ConnectorFault.Hold);
        clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(5));
        // The first row of the close is the meeting card's update; the minutes wait behind it.
        var held = await Connector.Held.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Meeting ended", held.AllText(), StringComparison.Ordinal);
        await first.DisposeAsync();

        using var second = new OutboxHost(clock, prefix);
        await second.PassAsync(TimeSpan.FromMinutes(2));
        var posted = await Connector.NextAsync(TimeSpan.FromSeconds(30));
        while (posted.Method == "PUT")
        {
            posted = await Connector.NextAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("/v3/conversations/conv-1/activities", posted.Path);
        Assert.Contains("Nobody ended the meeting that started Fri 14 Mar 2025 at 7:00pm", posted.AllText(), StringComparison.Ordinal);
        await second.PassAsync(TimeSpan.FromMinutes(10));

        Assert.Single(Connector.Delivered("conv-1"), c => c.AllText().Contains("Nobody ended the meeting", StringComparison.Ordinal));
    }

    // The minutes go out straight after the closing save or, when that first send was put off (the
    // conversation's throttle, a busy Connector), from the outbox dispatcher's next pass on the fake clock.
    private async Task<ConnectorCall> NextAdvancingAsync(FakeTimeProvider clock)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                return await Connector.NextAsync(TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        return await Connector.NextAsync(TimeSpan.FromSeconds(30));
    }
}
