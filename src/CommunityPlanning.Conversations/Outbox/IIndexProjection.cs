using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// Keeps one cross-group index in line with the groups' partitions. Before a save it turns the change into a
/// payload that goes into the outbox in the same transaction; after the save (at once, or later from the outbox
/// dispatcher) the payload is applied. Applying must be idempotent and safe out of order.
/// </summary>
public interface IIndexProjection
{
    /// <summary>The projection's name, stored on its outbox rows.</summary>
    string Name { get; }

    /// <summary>The index change a save of <paramref name="state"/> makes, or null when it changes nothing indexed.</summary>
    string? Project(GroupState state, DateTimeOffset now);

    /// <summary>Applies a change made by <see cref="Project"/>.</summary>
    Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default);
}
