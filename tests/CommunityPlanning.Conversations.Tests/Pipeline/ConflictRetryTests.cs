using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Tests.Pipeline;

public sealed class ConflictRetryTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    [InlineData(5, 160)]
    [InlineData(6, 250)]
    [InlineData(8, 250)]
    [InlineData(40, 250)]
    public void LongestPause_DoublesFromTheSecondTry_AndIsCapped(int attempt, int longestMs) =>
        Assert.Equal(longestMs, ConflictRetry.LongestPauseBefore(attempt));

    [Fact]
    public async Task Turn_MeetsConflictsOnAllButTheLastTry_IsSavedOnce()
    {
        var conflicts = new ConflictingSaves();
        var h = await new ActionHarness(wrap: conflicts.Over).WithPlanAsync();
        conflicts.Arm(ConflictRetry.MaxAttempts - 1);

        var replies = await h.SayAsync(ActionHarness.Chair, "action: book the hall");

        Assert.Equal("Action 1: book the hall", replies.Card().Title);
        Assert.Equal(ConflictRetry.MaxAttempts, conflicts.Saves);
        Assert.Equal("book the hall", Assert.Single(h.Actions).Title);
    }

    [Fact]
    public async Task Turn_ConflictsOnEveryTry_TellsThePersonToTryAgain_AndWritesNothing()
    {
        var conflicts = new ConflictingSaves();
        var h = await new ActionHarness(wrap: conflicts.Over).WithPlanAsync();
        conflicts.Arm(int.MaxValue);
        var writes = h.Memory.Writes;

        var text = (await h.SayAsync(ActionHarness.Chair, "action: book the hall")).Text();

        Assert.Contains(Messages.Busy, text, StringComparison.Ordinal);
        Assert.Equal(ConflictRetry.MaxAttempts, conflicts.Saves);
        Assert.Equal(writes, h.Memory.Writes);
        Assert.Empty(h.Actions);
    }

    /// <summary>Once armed, answers Conflict for that many saves without writing, as if someone else got there first.</summary>
    private sealed class ConflictingSaves
    {
        private IGroupStore? _inner;
        private bool _armed;
        private int _left;

        public int Saves { get; private set; }

        public void Arm(int conflicts)
        {
            _armed = true;
            _left = conflicts;
        }

        public IGroupStore Over(IGroupStore inner)
        {
            _inner = inner;
            return new Store(this);
        }

        private sealed class Store(ConflictingSaves owner) : IGroupStore
        {
            public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default) =>
                owner._inner!.LoadAsync(groupId, cancellationToken);

            public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
            {
                if (owner._armed)
                {
                    owner.Saves++;
                    if (owner._left > 0)
                    {
                        owner._left--;
                        return Task.FromResult(SaveOutcome.Conflict);
                    }
                }

                return owner._inner!.SaveAsync(state, turnId, nonce, cancellationToken);
            }
        }
    }
}
