namespace CommunityPlanning.Domain.Ports;

/// <summary>
/// Tells background work when storage is ready (its tables exist), so services that start with the host
/// don't run against a fresh account before start-up has created the tables.
/// </summary>
public interface IStorageReadiness
{
    /// <summary>Completes once storage is ready.</summary>
    Task WaitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes once start-up's first attempt to create the tables has ended, whether it succeeded or not. A turn waits
    /// for this, not for readiness: the first messages after a start wait for the tables, but when storage is down at
    /// start each turn is told at once to try again rather than held.
    /// </summary>
    Task FirstAttemptAsync(CancellationToken cancellationToken = default) => WaitAsync(cancellationToken);
}
