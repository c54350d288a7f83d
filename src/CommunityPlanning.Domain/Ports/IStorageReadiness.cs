namespace CommunityPlanning.Domain.Ports;

/// <summary>
/// Tells background work when storage is ready (its tables exist), so services that start with the host
/// don't run against a fresh account before start-up has created the tables.
/// </summary>
public interface IStorageReadiness
{
    /// <summary>Completes once storage is ready.</summary>
    Task WaitAsync(CancellationToken cancellationToken = default);
}
