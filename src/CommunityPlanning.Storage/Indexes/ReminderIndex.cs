using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// Reminder rows by the London day they fall due: PartitionKey = yyyy-MM-dd, RowKey = group|action|kind (or
/// group|digest). Rows are written after saves that change an action's due date, owner or status, and
/// claimed and completed by the dispatcher with ETags.
/// </summary>
public sealed class ReminderIndex(IndexTables tables) : IReminderQueue
{
    private const string GroupIdProperty = "GroupId";
    private const string KindProperty = "Kind";
    private const string ActionIdProperty = "ActionId";
    private const string DueAtProperty = "DueAt";
    private const string DueDateProperty = "DueDate";
    private const string OwnerIdProperty = "OwnerId";
    private const string ClaimedByProperty = "ClaimedBy";
    private const string ClaimedAtProperty = "ClaimedAt";
    private const string AttemptsProperty = "Attempts";
    private const string SentProperty = "Sent";
    private const string OutcomeProperty = "Outcome";
    private const string FinishedAtProperty = "FinishedAt";
    private const string DigestSegment = "digest";

    private static readonly ReminderKind[] ActionKinds = [ReminderKind.DayBefore, ReminderKind.Overdue];

    /// <inheritdoc />
    public async IAsyncEnumerable<ReminderEntry> DueAsync(DateTimeOffset now, DateOnly oldestDay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var today = Bucket(ReminderSchedule.LondonDate(now));
        // Property names are written into the filter text: interpolated values become quoted literals.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Bucket(oldestDay)} and PartitionKey le {today} and Sent eq {false} and DueAt le {now.UtcDateTime}");
        await foreach (var entity in tables.Reminders.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ToEntry(entity) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> TryClaimAsync(ReminderEntry entry, string claimant, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var claim = new TableEntity(entry.Bucket, entry.RowKey)
        {
            [ClaimedByProperty] = claimant,
            [ClaimedAtProperty] = now,
            [AttemptsProperty] = entry.Attempts + 1,
        };
        try
        {
            var response = await tables.Reminders.UpdateEntityAsync(claim, new ETag(entry.Version), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return entry with { ClaimedBy = claimant, ClaimedAt = now, Attempts = entry.Attempts + 1, Version = response.Headers.ETag?.ToString() ?? entry.Version };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(ReminderEntry claimed, ReminderOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var done = new TableEntity(claimed.Bucket, claimed.RowKey)
        {
            [SentProperty] = true,
            [OutcomeProperty] = outcome.ToString(),
            [FinishedAtProperty] = now,
        };
        try
        {
            await tables.Reminders.UpdateEntityAsync(done, new ETag(claimed.Version), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ScheduleDigestAsync(string groupId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        var entity = new TableEntity(Bucket(ReminderSchedule.LondonDate(dueAt)), KeyCodec.Encode(RecordKeys.Of(groupId, DigestSegment)))
        {
            [GroupIdProperty] = groupId,
            [KindProperty] = ReminderKind.Digest.ToString(),
            [DueAtProperty] = dueAt,
            [SentProperty] = false,
            [AttemptsProperty] = 0,
        };
        try
        {
            await tables.Reminders.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict)
        {
            // Already scheduled for that week.
        }
    }

    /// <summary>
    /// Brings one action's reminder rows in line with it: a day-before and an overdue row while it is open, owned
    /// and dated (only those still in the future), none at the days of its previous due date.
    /// </summary>
    internal async Task SyncAsync(string groupId, ActionItem? before, ActionItem? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<(string Bucket, string RowKey), DateTimeOffset>();
        if (after is { IsOpen: true, Owner: not null, Due: { } due })
        {
            foreach (var kind in ActionKinds)
            {
                var dueAt = ReminderSchedule.DueAt(kind, due);
                if (dueAt > now)
                {
                    wanted[(Bucket(ReminderSchedule.LondonDate(dueAt)), ActionRowKey(groupId, after.Id, kind))] = dueAt;
                }
            }
        }

        // Rows at the old date, and rows at the current date that are no longer wanted (closed, unassigned).
        foreach (var old in new[] { before, after })
        {
            if (old?.Due is not { } oldDue)
            {
                continue;
            }

            foreach (var kind in ActionKinds)
            {
                var place = (Bucket(ReminderSchedule.LondonDate(ReminderSchedule.DueAt(kind, oldDue))), ActionRowKey(groupId, old.Id, kind));
                if (!wanted.ContainsKey(place))
                {
                    await RevisionGuard.DeleteAsync(tables.Reminders, place.Item1, place.Item2, after?.Revision, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var ((bucket, rowKey), dueAt) in wanted)
        {
            var action = after!;
            var dueDate = action.Due!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var entity = new TableEntity(bucket, rowKey)
            {
                [GroupIdProperty] = groupId,
                [KindProperty] = rowKey.EndsWith(Segment(ReminderKind.Overdue), StringComparison.Ordinal) ? nameof(ReminderKind.Overdue) : nameof(ReminderKind.DayBefore),
                [ActionIdProperty] = action.Id,
                [DueAtProperty] = dueAt,
                [DueDateProperty] = dueDate,
                [OwnerIdProperty] = action.Owner!.Id,
                [SentProperty] = false,
                [AttemptsProperty] = 0,
            };

            // The same due date and owner: keep the row as it is, claim and sent state included.
            await RevisionGuard.UpsertAsync(
                tables.Reminders,
                entity,
                action.Revision,
                stored => string.Equals(stored.GetString(DueDateProperty), dueDate, StringComparison.Ordinal)
                    && string.Equals(stored.GetString(OwnerIdProperty), action.Owner.Id, StringComparison.Ordinal),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReminderEntry? ToEntry(TableEntity entity)
    {
        if (entity.GetString(GroupIdProperty) is not { } groupId
            || !Enum.TryParse<ReminderKind>(entity.GetString(KindProperty), out var kind)
            || entity.GetDateTimeOffset(DueAtProperty) is not { } dueAt)
        {
            return null;
        }

        DateOnly? dueDate = DateOnly.TryParseExact(entity.GetString(DueDateProperty), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new ReminderEntry(groupId, kind, entity.GetInt32(ActionIdProperty), dueAt)
        {
            DueDate = dueDate,
            OwnerId = entity.GetString(OwnerIdProperty),
            ClaimedBy = entity.GetString(ClaimedByProperty),
            ClaimedAt = entity.GetDateTimeOffset(ClaimedAtProperty),
            Attempts = entity.GetInt32(AttemptsProperty) ?? 0,
            Bucket = entity.PartitionKey,
            RowKey = entity.RowKey,
            Version = entity.ETag.ToString(),
        };
    }

    private static string Bucket(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Segment(ReminderKind kind) => kind == ReminderKind.Overdue ? "overdue" : "daybefore";

    private static string ActionRowKey(string groupId, int actionId, ReminderKind kind) =>
        KeyCodec.Encode(RecordKeys.Of(groupId, actionId.ToString("00000", CultureInfo.InvariantCulture), Segment(kind)));
}
