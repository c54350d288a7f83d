namespace CommunityPlanning.Conversations.Work;

/// <summary>
/// Work a channel has acknowledged before doing it (Slack's 3-second answer), kept durably until a
/// worker on any instance has finished it, so a crash or a redeploy loses nothing. Delivery is at least
/// once: a worker may see the same work again, so the turn's own record of handled deliveries must
/// make a repeat harmless.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Stores the work and queues it. False when work with the same key is stored already (a repeated
    /// delivery of a request that is still waiting or running); nothing is queued then.
    /// </summary>
    Task<bool> TryEnqueueAsync(NewWork work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="maxItems"/> pieces of work, each hidden from other workers for
    /// <paramref name="visibility"/>; it comes back after that unless it is completed or released.
    /// </summary>
    Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(int maxItems, TimeSpan visibility, CancellationToken cancellationToken = default);

    /// <summary>Deletes finished work: its stored body first, then its queue message.</summary>
    Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken = default);

    /// <summary>Makes work visible again after <paramref name="delay"/> (a retry, or zero at shutdown).</summary>
    Task ReleaseAsync(ReceivedWork work, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies work that keeps failing to the poison queue (kept 14 days, as it holds personal data),
    /// then deletes it.
    /// </summary>
    Task PoisonAsync(ReceivedWork work, string reason, CancellationToken cancellationToken = default);
}

/// <summary>Work to store and queue.</summary>
/// <param name="Key">Unique per delivery (e.g. <c>slack:evt:Ev123</c>): a second copy with the same key is refused.</param>
/// <param name="Kind">What the body is, so the worker knows how to read it (e.g. <c>slack.events</c>).</param>
/// <param name="Body">The request as received (it may be larger than a queue message allows).</param>
public sealed record NewWork(string Key, string Kind, byte[] Body);

/// <summary>Work taken from the queue.</summary>
/// <param name="Key">The work's key.</param>
/// <param name="Kind">What the body is.</param>
/// <param name="Body">The stored body; null when it is gone (the work was finished by another worker).</param>
/// <param name="DequeueCount">How many times the work has been taken, this time included.</param>
/// <param name="MessageId">The queue message's id.</param>
/// <param name="PopReceipt">The receipt that lets this worker delete or release the message.</param>
public sealed record ReceivedWork(string Key, string Kind, byte[]? Body, long DequeueCount, string MessageId, string PopReceipt);
