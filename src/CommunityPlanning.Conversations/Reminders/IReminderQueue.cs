using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Conversations.Reminders;

/// <summary>
/// The reminder index, as the dispatcher needs it: rows that fall due, claimed with an optimistic-concurrency
/// update so only one host instance handles each, then completed. Storage implements it.
/// </summary>
public interface IReminderQueue
{
    /// <summary>Unsent rows due at or before <paramref name="now"/>, filed no earlier than <paramref name="oldestDay"/> (London dates).</summary>
    IAsyncEnumerable<ReminderEntry> DueAsync(DateTimeOffset now, DateOnly oldestDay, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a row for <paramref name="claimant"/> if it is still at the version read. Returns the claimed row
    /// (with its new version), or null when someone else changed it first.
    /// </summary>
    Task<ReminderEntry?> TryClaimAsync(ReminderEntry entry, string claimant, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed row finished, if it is still at the claimed version. Returns false when it was not.</summary>
    Task<bool> CompleteAsync(ReminderEntry claimed, ReminderOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Makes sure a digest row exists for the group at <paramref name="dueAt"/>; an existing one is left alone.</summary>
    Task ScheduleDigestAsync(string groupId, DateTimeOffset dueAt, CancellationToken cancellationToken = default);
}

/// <summary>One reminder row.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Kind">Day-before, overdue or digest.</param>
/// <param name="ActionId">The action, for action reminders.</param>
/// <param name="DueAt">When it should go out.</param>
public sealed record ReminderEntry(string GroupId, ReminderKind Kind, int? ActionId, DateTimeOffset DueAt)
{
    /// <summary>The action's due date the row was written for; a different date now means it was re-dated.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The owner the row was written for.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The instance that claimed it, if any.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>How many times it has been claimed.</summary>
    public int Attempts { get; init; }

    /// <summary>Where the row is filed (the store's partition).</summary>
    public required string Bucket { get; init; }

    /// <summary>The row's key within its bucket.</summary>
    public required string RowKey { get; init; }

    /// <summary>The version (ETag) the row was read or claimed at.</summary>
    public required string Version { get; init; }
}

/// <summary>How a reminder row was finished.</summary>
public enum ReminderOutcome
{
    /// <summary>Sent to the person (or the group, for a digest).</summary>
    Sent,

    /// <summary>The person could not be reached privately, so it went to the group with a mention.</summary>
    SentToGroup,

    /// <summary>Not needed any more (completed, re-dated, reassigned, digest off, nothing open).</summary>
    Skipped,

    /// <summary>Sending kept failing.</summary>
    GaveUp,
}
