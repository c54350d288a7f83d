using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Conversations.Tests.Pipeline;

/// <summary>The first message after a start can arrive before the host has created its tables: it waits for them.</summary>
public sealed class StorageReadyTests
{
    [Fact]
    public async Task Turn_ArrivesBeforeTheTablesExist_WaitsWithoutTouchingStorage_ThenIsHandled()
    {
        var readiness = new Readiness();
        var h = await new ActionHarness(readiness: readiness.Ready()).WithPlanAsync();
        readiness.NotYet();
        var loads = h.Memory.Loads;

        var turn = h.SayAsync(ActionHarness.Chair, "action: book the hall");
        await Task.Yield();

        Assert.False(turn.IsCompleted);
        Assert.Equal(loads, h.Memory.Loads);

        readiness.Ready();
        Assert.Equal("Action 1: book the hall", (await turn).Card().Title);
    }

    /// <summary>Storage readiness a test sets by hand.</summary>
    private sealed class Readiness : IStorageReadiness
    {
        private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Readiness Ready()
        {
            _ready.TrySetResult();
            return this;
        }

        public void NotYet() => _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WaitAsync(CancellationToken cancellationToken = default) => _ready.Task.WaitAsync(cancellationToken);
    }
}
