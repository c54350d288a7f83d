using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Storage;

/// <summary>Completes once the start-up initializer has created every table.</summary>
public sealed class StorageReadiness : IStorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once storage is ready.</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <inheritdoc />
    public Task WaitAsync(CancellationToken cancellationToken = default) => _ready.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task FirstAttemptAsync(CancellationToken cancellationToken = default) => _firstAttempt.Task.WaitAsync(cancellationToken);

    /// <summary>Marks storage ready.</summary>
    internal void Set()
    {
        _ready.TrySetResult();
        _firstAttempt.TrySetResult();
    }

    /// <summary>Marks start-up's first attempt at the tables as ended (they exist, or storage could not be reached).</summary>
    internal void FirstAttemptEnded() => _firstAttempt.TrySetResult();
}
