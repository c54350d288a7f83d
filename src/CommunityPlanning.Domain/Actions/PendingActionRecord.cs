using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Actions;

/// <summary>
/// An action change waiting for an answer on a card: a new action not yet created (its questions: the due
/// date, a date in the past, an owner who is not a member), or an existing action's new owner waiting to be
/// confirmed. Kept in the group, not in the card, so a card carries only this record's id and nothing a
/// client could rewrite. Removed when answered or cancelled, ignored and swept after <see cref="Lifetime"/>.
/// </summary>
/// <param name="Id">A random id, the only thing the card carries; a created action remembers it.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">Who will do it, if anyone: a member, or someone @mentioned in a message.</param>
/// <param name="Due">When it is due, if known.</param>
/// <param name="Step">The plan step.</param>
/// <param name="CreatedBy">Who asked for it.</param>
/// <param name="CreatedAt">When it was asked for.</param>
[GroupRecord(Kind)]
public sealed record PendingActionRecord(
    string Id,
    string Title,
    MemberRef? Owner,
    DateOnly? Due,
    int Step,
    MemberRef CreatedBy,
    DateTimeOffset CreatedAt) : IGroupRecord
{
    /// <summary>The key kind of pending records.</summary>
    public const string Kind = "pending";

    /// <summary>How long a question card keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The most pending records a group keeps; past it, the oldest go first.</summary>
    public const int MaxPerGroup = 50;

    /// <summary>Set when this is a new owner for an existing action (its number), not a new action.</summary>
    public int? ActionId { get; init; }

    /// <summary>The due date could not be read: ask for it.</summary>
    public bool AskDue { get; init; }

    /// <summary>The due date has passed and someone said to keep it.</summary>
    public bool PastConfirmed { get; init; }

    /// <summary>The owner is not yet a member and someone said to add them.</summary>
    public bool OwnerConfirmed { get; init; }

    /// <summary>Why the date could not be read, shown with the first question only.</summary>
    public string? DueProblem { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Id);

    /// <summary>The key of a pending record.</summary>
    public static string KeyFor(string id) => RecordKeys.Of(Kind, id);

    /// <summary>True once the card asking about it has stopped working.</summary>
    public bool IsExpired(DateTimeOffset now) => now - CreatedAt > Lifetime;

    /// <summary>The live pending record with this id, or null (an expired one is removed on the way).</summary>
    public static PendingActionRecord? Find(GroupState state, string? id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!IsWellFormedId(id) || state.Find<PendingActionRecord>(KeyFor(id!)) is not { } found)
        {
            return null;
        }

        if (found.IsExpired(now))
        {
            state.Remove(found.Key);
            return null;
        }

        return found;
    }

    /// <summary>Stores a pending record, sweeping expired ones (and the oldest past <see cref="MaxPerGroup"/>) so they don't pile up.</summary>
    public static void Keep(GroupState state, PendingActionRecord pending, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pending);
        var others = state.OfType<PendingActionRecord>().Where(p => !string.Equals(p.Id, pending.Id, StringComparison.Ordinal)).ToList();
        foreach (var stale in others.Where(p => p.IsExpired(now)))
        {
            state.Remove(stale.Key);
        }

        foreach (var oldest in others.Where(p => !p.IsExpired(now)).OrderByDescending(p => p.CreatedAt).Skip(MaxPerGroup - 1))
        {
            state.Remove(oldest.Key);
        }

        state.Put(pending);
    }

    /// <summary>A new random id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>True for an id of the shape <see cref="NewId"/> makes (32 lower-case hex digits).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
