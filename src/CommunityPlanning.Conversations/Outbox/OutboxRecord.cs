using System.Globalization;
using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>What an outbox row holds.</summary>
public enum OutboxKind
{
    /// <summary>A reply, rendered for its channel; <see cref="OutboxRecord.Target"/> is the channel.</summary>
    Reply,

    /// <summary>A cross-group index change; <see cref="OutboxRecord.Target"/> is the projection's name.</summary>
    Index,
}

/// <summary>
/// Work that must happen after a turn's save, written in the same transaction as the turn's changes:
/// a reply to deliver or an index change to apply. Rows of one turn share <see cref="Batch"/>, which sorts by
/// the time they were saved, so a group's rows are done in the order they were saved. A row is deleted once
/// done; until then the host that saved it (or the outbox dispatcher, after the claim ends) works on it.
/// </summary>
/// <param name="Batch">The turn's batch: save time (ticks) and the turn's nonce.</param>
/// <param name="Seq">The row's place in the batch.</param>
/// <param name="Type">Reply or index change.</param>
/// <param name="Target">The channel (replies) or projection name (index changes).</param>
/// <param name="Payload">The rendered message or the change, as the channel or projection wrote it.</param>
[GroupRecord(Kind)]
public sealed record OutboxRecord(string Batch, int Seq, OutboxKind Type, string Target, string Payload) : IGroupRecord
{
    /// <summary>The key kind of outbox rows.</summary>
    public const string Kind = "outbox";

    /// <summary>The anchor to remember the posted message's id under (see <see cref="Turns.Reply.Anchor"/>).</summary>
    public string? Anchor { get; init; }

    /// <summary>
    /// True for a reply nobody asked for just then (the minutes of a meeting closed automatically): it is not sent
    /// to a group that has become dormant meanwhile.
    /// </summary>
    public bool Proactive { get; init; }

    /// <summary>How many times delivery was tried and failed.</summary>
    public int Attempts { get; init; }

    /// <summary>Not to be tried again before this time (backoff, Retry-After).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The instance working on the row, if any.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>Until when the claim holds; after that another instance may take the row over.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>When the row was saved.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => RecordKeys.Of(Kind, Batch, Seq.ToString("000", CultureInfo.InvariantCulture));

    /// <summary>The save time a batch id starts with (for ordering new batches after pending ones).</summary>
    public static long TicksOf(string batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var dash = batch.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? batch : batch[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : 0;
    }

    /// <summary>The nonce of the turn that saved a batch (what follows the save time).</summary>
    public static string NonceOf(string batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var dash = batch.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? string.Empty : batch[(dash + 1)..];
    }

    /// <summary>A batch id: save time as 19 digits (so ids sort by time), then the turn's nonce.</summary>
    public static string BatchId(long ticks, string nonce) => ticks.ToString("D19", CultureInfo.InvariantCulture) + "-" + nonce;

    /// <summary>True when the row is claimed by someone at <paramref name="now"/>.</summary>
    public bool IsClaimed(DateTimeOffset now) => ClaimedBy is not null && ClaimedUntil > now;
}
