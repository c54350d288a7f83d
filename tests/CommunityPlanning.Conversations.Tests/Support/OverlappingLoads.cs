using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Tests.Support;

/// <summary>Holds every load until <paramref name="parties"/> loads have happened, so turns really overlap.</summary>
internal sealed class OverlappingLoads(IGroupStore inner, int parties) : IGroupStore
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loads;

    public async Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var state = await inner.LoadAsync(groupId, cancellationToken);
        if (Interlocked.Increment(ref _loads) == parties)
        {
            _all.TrySetResult();
        }

        await _all.Task.WaitAsync(cancellationToken);
        return state;
    }

    public Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default) =>
        inner.SaveAsync(state, turnId, nonce, cancellationToken);
}
