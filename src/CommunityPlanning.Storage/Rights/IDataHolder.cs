using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// One family of stored data that can hold a person's details or a group's rows: a table, or the group partitions.
/// Every table the storage creates is answered for by exactly one holder, registered in one place
/// (<c>AddDataRights</c>); a test fails when a table has none. Every method is idempotent, so a job that stopped
/// part-way simply runs them all again.
/// </summary>
public interface IDataHolder
{
    /// <summary>The tables (names before the configured prefix) whose rows this holder answers for.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>Adds what this holder keeps about the person to <paramref name="into"/> (one property per section).</summary>
    Task ExportPersonAsync(PersonScope scope, JsonObject into, CancellationToken cancellationToken = default);

    /// <summary>Erases the person from this holder's rows.</summary>
    Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of this holder that belongs to or points to the group.</summary>
    Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default);
}

/// <summary>A person and the groups they are known in.</summary>
/// <param name="Person">The person.</param>
/// <param name="Groups">Their groups (from the person-groups index and the group they asked in).</param>
public sealed record PersonScope(PersonIdentity Person, IReadOnlyList<string> Groups);

/// <summary>One erasure: the person, their groups, and what replaces them in the groups' records.</summary>
/// <param name="JobId">The job doing it (a group's save is tagged with it, so a re-run is seen as done).</param>
/// <param name="Person">The person.</param>
/// <param name="Groups">Their groups, fixed when the job first ran.</param>
/// <param name="Placeholder">The id that replaces theirs in records the group keeps: random, per job.</param>
/// <param name="RequestedAt">When they asked: outbox replies about them older than this are dropped.</param>
public sealed record PersonErasure(string JobId, PersonIdentity Person, IReadOnlyList<string> Groups, string Placeholder, DateTimeOffset RequestedAt)
{
    /// <summary>The name that replaces theirs.</summary>
    public const string FormerMember = "a former member";

    /// <summary>Their raw ids and index keys: none of these may remain anywhere.</summary>
    public IReadOnlyList<string> Secrets => [.. Person.RawIds, .. Person.IndexKeys];
}
