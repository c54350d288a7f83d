using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using static CommunityPlanning.Storage.Tests.Indexes.IndexFixture;

namespace CommunityPlanning.Storage.Tests.Indexes;

public sealed class ReminderDispatchTests
{
    private static readonly DateOnly Friday = new(2025, 3, 14);
    private static readonly DateTimeOffset ThursdayNine = new(2025, 3, 13, 9, 0, 0, TimeSpan.Zero);

    private static async Task<int> RunBothAsync(IndexFixture f, RecordingMessenger messenger)
    {
        var results = await Task.WhenAll(
            Task.Run(() => f.Dispatcher("instance-a", messenger).RunOnceAsync()),
            Task.Run(() => f.Dispatcher("instance-b", messenger).RunOnceAsync()));
        return results.Sum();
    }

    [Fact]
    public async Task RunOnceAsync_TwoDispatchersAtOnce_ExactlyOneReminderPerDueAction()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.SeedGroupAsync("g2", "Great Snoring");
        for (var i = 0; i < 4; i++)
        {
            await f.CreateAsync("g1", $"job {i}", i % 2 == 0 ? Sam : Alex, Friday);
            await f.CreateAsync("g2", $"task {i}", Sam, Friday);
        }

        Assert.Equal(0, await RunBothAsync(f, messenger)); // Monday: nothing due yet.
        f.Clock.SetUtcNow(ThursdayNine);

        Assert.Equal(8, await RunBothAsync(f, messenger));
        Assert.Equal(0, await RunBothAsync(f, messenger));

        Assert.Equal(8, messenger.Sent.Count);
        Assert.Equal(4, messenger.Sent.Count(s => s.To == Sam.Id && s.Reference.Address["conversationId"] == "g2"));
        Assert.Contains(messenger.Sent, s => s.Reply.Text!.Contains("is due tomorrow (Fri 14 Mar 2025)", StringComparison.Ordinal));
        Assert.All(f.ReminderRows().Where(e => e.GetString("Kind") == "DayBefore"), e => Assert.Equal("Sent", e.GetString("Outcome")));
    }

    [Fact]
    public async Task RunOnceAsync_BeforeNine_SendsNothing()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        f.Clock.SetUtcNow(ThursdayNine.AddMinutes(-1));

        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());
    }

    [Fact]
    public async Task RunOnceAsync_CompletedSinceTheRowWasWritten_SendsNothing()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);

        // Completed through the plain store, so the index still holds the reminder rows.
        await f.ChangeAsync("g1", 1, a => a.WithStatus(ActionStatus.Completed, Sam, Start), through: f.Inner);
        f.Clock.SetUtcNow(ThursdayNine);

        Assert.Equal(0, await RunBothAsync(f, messenger));
        Assert.Empty(messenger.Sent);
        Assert.Contains(f.ReminderRows(), e => e.GetString("Kind") == "DayBefore" && e.GetString("Outcome") == "Skipped");
    }

    [Fact]
    public async Task RunOnceAsync_CompletedThroughTheIndexingStore_HasNoRowsToSend()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        await f.ChangeAsync("g1", 1, a => a.WithStatus(ActionStatus.Completed, Sam, Start));

        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await RunBothAsync(f, messenger));
        Assert.Empty(messenger.Sent);
    }

    [Fact]
    public async Task RunOnceAsync_RedatedSince_SendsNothingForTheOldDate()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        await f.ChangeAsync("g1", 1, a => a.WithDue(new DateOnly(2025, 3, 21), Sam, Start), through: f.Inner);

        f.Clock.SetUtcNow(ThursdayNine);

        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());
        Assert.Empty(messenger.Sent);
    }

    [Fact]
    public async Task RunOnceAsync_MorningAfterTheDueDate_SendsTheOverdueReminder()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        f.Clock.SetUtcNow(ThursdayNine);
        await f.Dispatcher("a", messenger).RunOnceAsync();

        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 15, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunBothAsync(f, messenger));

        var overdue = messenger.Sent.Last();
        Assert.Equal(Sam.Id, overdue.To);
        Assert.Contains("was due Fri 14 Mar 2025 and isn't marked done", overdue.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_OwnerUnreachable_PostsInTheGroupWithAMention()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        messenger.Unreachable.Add(Sam.Id);
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        f.Clock.SetUtcNow(ThursdayNine);

        Assert.Equal(1, await f.Dispatcher("a", messenger).RunOnceAsync());

        var (to, _, reply) = Assert.Single(messenger.Sent);
        Assert.Equal("group:g1", to);
        Assert.Equal([Sam], reply.Mentions);
        Assert.StartsWith(MentionText.Token(0), reply.Text, StringComparison.Ordinal);
        Assert.Contains(f.ReminderRows(), e => e.GetString("Outcome") == "SentToGroup");
    }

    [Fact]
    public async Task RunOnceAsync_ClaimAbandoned_TakenOverAfterTenMinutesOnly()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        f.Clock.SetUtcNow(ThursdayNine);

        // An instance claims the row and dies before sending.
        var entry = Assert.Single(await f.Reminders.DueAsync(f.Clock.GetUtcNow(), Friday.AddDays(-7)).ToListAsync());
        Assert.NotNull(await f.Reminders.TryClaimAsync(entry, "crashed", f.Clock.GetUtcNow()));

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());

        f.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await f.Dispatcher("a", messenger).RunOnceAsync());
        Assert.Single(messenger.Sent);
    }

    [Fact]
    public async Task RunOnceAsync_SendFails_RetriedAfterTheClaimTimesOut()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger { NextResult = ProactiveResult.Failed };
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "book the hall", Sam, Friday);
        f.Clock.SetUtcNow(ThursdayNine);

        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());
        messenger.NextResult = ProactiveResult.Sent;
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await f.Dispatcher("a", messenger).RunOnceAsync());
    }

    [Fact]
    public async Task RunOnceAsync_Digest_OncePerWeekWithTwoDispatchers()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "update the website", null, null);
        await f.CreateAsync("g1", "book the hall", Sam, new DateOnly(2025, 3, 28));

        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunBothAsync(f, messenger));
        f.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunBothAsync(f, messenger));

        var (to, _, reply) = Assert.Single(messenger.Sent);
        Assert.Equal("group:g1", to);
        Assert.Equal("This week's actions", reply.Card!.Title);

        // The dispatcher booked the next Monday itself.
        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunBothAsync(f, messenger));
        Assert.Equal(2, messenger.Sent.Count);
    }

    [Fact]
    public async Task RunOnceAsync_NoActionsButASurveyClosing_DigestRemindsInTheLastFortnightOnly()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        var state = await f.Store.LoadAsync("g1");
        state.Put(new Domain.Journey.FormRow(4, "surveys", "s1", new Dictionary<string, string> { ["name"] = "Household survey", ["closes"] = "2025-04-11" }, Sam, f.Clock.GetUtcNow()));
        await f.Store.SaveAsync(state, null);

        // Each Monday at 9am London: nothing while the closing date is over a fortnight away, the reminder in the last
        // fortnight, and nothing once the survey has closed (there are no actions either).
        var mondays = new (DateTimeOffset At, string? Expected)[]
        {
            (new(2025, 3, 17, 9, 0, 0, TimeSpan.Zero), null),
            (new(2025, 3, 24, 9, 0, 0, TimeSpan.Zero), null),
            (new(2025, 3, 31, 8, 0, 0, TimeSpan.Zero), "The survey closes Fri 11 Apr 2025 (11 days to go)"),
            (new(2025, 4, 7, 8, 0, 0, TimeSpan.Zero), "The survey closes Fri 11 Apr 2025 (4 days to go)"),
            (new(2025, 4, 14, 8, 0, 0, TimeSpan.Zero), null),
            (new(2025, 4, 21, 8, 0, 0, TimeSpan.Zero), null),
        };
        foreach (var (at, expected) in mondays)
        {
            f.Clock.SetUtcNow(at);
            var before = messenger.Sent.Count;
            Assert.Equal(expected is null ? 0 : 1, await f.Dispatcher("a", messenger).RunOnceAsync());
            if (expected is not null)
            {
                var reply = messenger.Sent.ElementAt(before).Reply;
                Assert.Contains(reply.Card!.Blocks.OfType<Conversations.Cards.TextBlock>(), b => b.Text.Contains(expected, StringComparison.Ordinal));
            }
        }

        Assert.Equal(2, messenger.Sent.Count);
    }

    [Fact]
    public async Task RunOnceAsync_DigestTurnedOff_NotSent()
    {
        var f = new IndexFixture();
        var messenger = new RecordingMessenger();
        await f.SeedGroupAsync("g1");
        await f.CreateAsync("g1", "update the website", null, null);
        var state = await f.Store.LoadAsync("g1");
        state.Put(state.Find<Domain.Plans.PlanRecord>("plan")! with { DigestEnabled = false });
        await f.Store.SaveAsync(state, null);

        f.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await f.Dispatcher("a", messenger).RunOnceAsync());
        Assert.Empty(messenger.Sent);
    }
}

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
