using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Tests.Indexes;

/// <summary>
/// The group store as a host uses it: each save carries the index projections' outbox rows (unless the turn
/// pipeline staged them already), and right after the save those rows are applied, as the host does.
/// </summary>
internal sealed class OutboxApplyingStore(IGroupStore inner, OutboxWriter writer, OutboxDelivery delivery, TimeProvider clock) : IGroupStore
{
    public Task<GroupState> LoadAsync(string groupId, CancellationToken cancellationToken = default) => inner.LoadAsync(groupId, cancellationToken);

    public async Task<SaveOutcome> SaveAsync(GroupState state, string? turnId, string? nonce = null, CancellationToken cancellationToken = default)
    {
        nonce ??= Guid.NewGuid().ToString("N");
        if (!state.Changed.OfType<OutboxRecord>().Any())
        {
            writer.Stage(state, nonce, null, [], clock.GetUtcNow());
        }

        var staged = state.Changed.OfType<OutboxRecord>().ToList();
        var outcome = await inner.SaveAsync(state, turnId, nonce, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            await delivery.DeliverSavedAsync(staged.Select(r => new OutboxEntry(state.GroupId, r, state.VersionOf(r.Key))).ToList(), cancellationToken);
        }

        return outcome;
    }
}
