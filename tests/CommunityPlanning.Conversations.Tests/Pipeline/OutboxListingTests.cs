using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Tests.Pipeline;

/// <summary>
/// A group is listed as having outbox rows before the save that writes them; the listing's round trip overlaps the
/// group's load instead of following it.
/// </summary>
public sealed class OutboxListingTests
{
    [Fact]
    public async Task Listing_OverlapsTheLoad_AndTheSaveWaitsForIt()
    {
        var pending = new HeldListing();
        var h = await new ActionHarness(pending: pending, projections: [new EveryTurn()]).WithPlanAsync();
        var (loads, writes) = (h.Memory.Loads, h.Memory.Writes);
        pending.Hold(() => h.Memory.Loads);

        var turn = h.SayAsync(ActionHarness.Chair, "action: book the hall");

        // Asked for before the load, still outstanding after it: the two round trips overlap.
        Assert.Equal(loads, pending.LoadsWhenAsked);
        Assert.Equal(loads + 1, h.Memory.Loads);
        Assert.Equal(writes, h.Memory.Writes);
        Assert.False(turn.IsCompleted);

        pending.Release();
        Assert.Equal("Action 1: book the hall", (await turn).Card().Title);
        Assert.Equal(writes + 1, h.Memory.Writes);
        Assert.Equal(1, pending.Calls);
    }

    [Fact]
    public async Task ListingFails_NothingIsSaved_AndThePersonIsToldToTryAgain()
    {
        var pending = new HeldListing();
        var h = await new ActionHarness(pending: pending, projections: [new EveryTurn()]).WithPlanAsync();
        var writes = h.Memory.Writes;
        pending.Fail(new StoreUnavailableException("Listing a group's outbox failed: storage could not be reached."));

        var replies = await h.SayAsync(ActionHarness.Chair, "action: book the hall");

        Assert.Equal(TurnProcessor.StorageDown, replies.Text());
        Assert.Equal(writes, h.Memory.Writes);
        Assert.Empty(h.Actions);
    }

    /// <summary>An index change on every turn, so every turn has an outbox row.</summary>
    private sealed class EveryTurn : IIndexProjection
    {
        public string Name => "every-turn";

        public string? Project(GroupState state, DateTimeOffset now) => "{}";

        public Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>A pending-groups list whose listing a test holds, lets go or fails.</summary>
    private sealed class HeldListing : IOutboxStore
    {
        private TaskCompletionSource _gate = Done();
        private Func<int> _loads = () => -1;

        public int Calls { get; private set; }

        public int LoadsWhenAsked { get; private set; } = -1;

        public void Hold(Func<int> loads)
        {
            _loads = loads;
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _gate.TrySetResult();

        public void Fail(Exception ex)
        {
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _gate.SetException(ex);
        }

        public Task MarkPendingAsync(string groupId, CancellationToken cancellationToken = default)
        {
            Calls++;
            LoadsWhenAsked = _loads();
            return _gate.Task;
        }

        public IAsyncEnumerable<string> PendingGroupsAsync(CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<string>();

        public Task<IReadOnlyList<OutboxEntry>> ListAsync(string groupId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OutboxEntry>>([]);

        public Task<OutboxEntry?> TryReplaceAsync(OutboxEntry entry, OutboxRecord updated, CancellationToken cancellationToken = default) =>
            Task.FromResult<OutboxEntry?>(null);

        public Task DeleteAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task ForgetIfIdleAsync(string groupId, DateTimeOffset listedBefore, CancellationToken cancellationToken = default) => Task.CompletedTask;

        private static TaskCompletionSource Done()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }
}
