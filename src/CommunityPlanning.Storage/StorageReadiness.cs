using CommunityPlanning.Domain.Ports;

namespace CommunityPlanning.Storage;

/// <summary>Completes once the start-up initializer has created every table.</summary>
public sealed class StorageReadiness : IStorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once storage is ready.</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <inheritdoc />
    public Task WaitAsync(CancellationToken cancellationToken = default) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Marks storage ready.</summary>
    internal void Set() => _ready.TrySetResult();
}
