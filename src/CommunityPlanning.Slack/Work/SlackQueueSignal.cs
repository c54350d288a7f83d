namespace CommunityPlanning.Slack.Work;

/// <summary>
/// Wakes this instance's queue poller when there is something to take (a request just stored, work
/// released for a retry, room freed in the lanes), so it need not poll often; and counts the stored
/// work this instance holds, so it never takes more than it can run before the work's visibility ends.
/// </summary>
internal sealed class SlackQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _held;

    /// <summary>How many pieces of stored work this instance holds now.</summary>
    public int Held => Volatile.Read(ref _held);

    public void Nudge()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake or about to be.
        }
    }

    /// <summary>Waits until nudged or until <paramref name="interval"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed: time to poll.
        }
    }

    public void Took(int count) => Interlocked.Add(ref _held, count);

    public void Finished()
    {
        Interlocked.Decrement(ref _held);
        Nudge();
    }

    public void Dispose() => _wake.Dispose();
}
