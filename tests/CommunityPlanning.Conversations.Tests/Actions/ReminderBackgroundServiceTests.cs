using CommunityPlanning.Testing;
using CommunityPlanning.Conversations.Tests.Support;
using System.Runtime.CompilerServices;
using CommunityPlanning.Conversations.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Conversations.Tests.Actions;

public sealed class ReminderBackgroundServiceTests
{
    [Fact]
    public async Task ExecuteAsync_EachTickOfTheClock_RunsOnePass()
    {
        var clock = new FakeTimeProvider(ActionHarness.Start);
        var queue = new CountingQueue();
        var options = new ReminderOptions { InstanceId = "test" };
        var dispatcher = new ReminderDispatcher(queue, new InMemoryGroupStore(), [], clock, options, NullLogger<ReminderDispatcher>.Instance);
        using var service = new ReminderBackgroundService(dispatcher, options, clock, NullLogger<ReminderBackgroundService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await queue.WaitForPassAsync(1);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, queue.Passes);
        clock.Advance(TimeSpan.FromSeconds(1));
        await queue.WaitForPassAsync(2);

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(2, queue.Passes);
    }

    [Fact]
    public async Task ExecuteAsync_PassThrows_KeepsGoing()
    {
        var clock = new FakeTimeProvider(ActionHarness.Start);
        var queue = new CountingQueue { ThrowOnPass = 1 };
        var options = new ReminderOptions { InstanceId = "test" };
        var dispatcher = new ReminderDispatcher(queue, new InMemoryGroupStore(), [], clock, options, NullLogger<ReminderDispatcher>.Instance);
        using var service = new ReminderBackgroundService(dispatcher, options, clock, NullLogger<ReminderBackgroundService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await queue.WaitForPassAsync(1);
        clock.Advance(TimeSpan.FromMinutes(1));
        await queue.WaitForPassAsync(2);
        await service.StopAsync(CancellationToken.None);
    }

    private sealed class CountingQueue : IReminderQueue
    {
        private readonly Lock _gate = new();
        private readonly List<(int Pass, TaskCompletionSource Signal)> _waiters = [];
        private int _passes;

        public int ThrowOnPass { get; init; }

        public int Passes => Volatile.Read(ref _passes);

        public Task WaitForPassAsync(int pass)
        {
            lock (_gate)
            {
                if (_passes >= pass)
                {
                    return Task.CompletedTask;
                }

                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((pass, signal));
                return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }

        public async IAsyncEnumerable<ReminderEntry> DueAsync(DateTimeOffset now, DateOnly oldestDay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            int pass;
            lock (_gate)
            {
                pass = ++_passes;
                foreach (var waiter in _waiters.Where(w => w.Pass <= pass).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }

            await Task.Yield();
            if (pass == ThrowOnPass)
            {
                throw new InvalidOperationException("storage unavailable");
            }

            yield break;
        }

        public Task<ReminderEntry?> TryClaimAsync(ReminderEntry entry, string claimant, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult<ReminderEntry?>(null);

        public Task<bool> CompleteAsync(ReminderEntry claimed, ReminderOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult(true);

        public Task ScheduleDigestAsync(string groupId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
