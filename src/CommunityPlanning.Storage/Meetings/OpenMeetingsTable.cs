using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Meetings;

/// <summary>
/// Open meetings across every group, for the automatic close: table <c>meetings</c>, PartitionKey <c>open</c>,
/// RowKey group|meeting, with the start time. One small partition: a group has at most one open meeting.
/// </summary>
public sealed class OpenMeetingsTable(TableClient table) : IOpenMeetingIndex
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "meetings";

    private const string Partition = "open";
    private const string GroupIdProperty = "GroupId";
    private const string MeetingIdProperty = "MeetingId";
    private const string StartedAtProperty = "StartedAt";

    /// <summary>The underlying table, for start-up creation.</summary>
    internal TableClient Table => table;

    /// <inheritdoc />
    public async IAsyncEnumerable<OpenMeetingEntry> StartedBeforeAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and StartedAt le {cutoff.ToUniversalTime()}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString(GroupIdProperty) is { } groupId
                && entity.GetString(MeetingIdProperty) is { } meetingId
                && entity.GetDateTimeOffset(StartedAtProperty) is { } startedAt)
            {
                yield return new OpenMeetingEntry(groupId, meetingId, startedAt);
            }
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(OpenMeetingEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await DeleteAsync(entry.GroupId, entry.MeetingId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds (or refreshes) the entry for an open meeting. Derived data, so a plain upsert is right.</summary>
    internal async Task AddAsync(string groupId, MeetingRecord meeting, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, RowKey(groupId, meeting.Id))
        {
            [GroupIdProperty] = groupId,
            [MeetingIdProperty] = meeting.Id,
            [StartedAtProperty] = meeting.StartedAt.ToUniversalTime(),
        };
        try
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            // The first meeting can open before start-up has created the table.
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes a meeting's entry; an entry already gone is fine.</summary>
    internal async Task DeleteAsync(string groupId, string meetingId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, RowKey(groupId, meetingId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
        }
    }

    private static string RowKey(string groupId, string meetingId) => KeyCodec.Encode(RecordKeys.Of(groupId, meetingId));
}
