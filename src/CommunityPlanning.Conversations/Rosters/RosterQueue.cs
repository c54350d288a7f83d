using System.Threading.Channels;

namespace CommunityPlanning.Conversations.Rosters;

/// <summary>
/// Roster work waiting for the background refresher, in memory on purpose: nothing here is authoritative.
/// A lost item (a restart) costs nothing lasting, because the refresh marker in the roster table still says
/// the roster is due, and the next turn in the group asks again; the daily full page corrects lost joins.
/// </summary>
public sealed class RosterQueue
{
    /// <summary>Most items held; beyond it new work is dropped (the next turn asks again).</summary>
    public const int Capacity = 1000;

    private readonly Channel<RosterWork> _items = Channel.CreateBounded<RosterWork>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>Adds work; false when the queue is full.</summary>
    public bool Enqueue(RosterWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (!_items.Writer.TryWrite(work))
            {
                return false;
            }

            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        return true;
    }

    /// <summary>The work, in order, for the refresher.</summary>
    public ChannelReader<RosterWork> Reader => _items.Reader;

    /// <summary>Raised after each item is done (for tests and telemetry); handlers must not throw.</summary>
    public event EventHandler<RosterWork>? Finished;

    /// <summary>Called by the refresher when one item is done.</summary>
    public void Done(RosterWork work)
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }

        Finished?.Invoke(this, work);
    }

    /// <summary>Completes when no work is waiting or running (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
