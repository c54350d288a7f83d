using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Caching;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// The groups' partitions in <c>plans</c>: every record a group keeps (members, ticks, attendance, decisions,
/// minutes, actions and their history, forms, pending questions, open prompts, outbox rows). A person is erased
/// group by group (<see cref="GroupScrubber"/>); a group is deleted by deleting its whole partition, redelivery
/// markers included.
/// </summary>
public sealed class GroupPartitionHolder(TableClient plans, string tableName, IGroupStore store, GroupScrubber scrubber, GroupStateCache? cache = null, Outbox.TableOutboxStore? outbox = null) : IDataHolder
{
    /// <inheritdoc />
    public IReadOnlyList<string> Tables => [tableName];

    /// <inheritdoc />
    public async Task ExportPersonAsync(PersonScope scope, JsonObject into, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(into);
        var scrub = new PersonScrub([.. scope.Person.RawIds, .. scope.Person.IndexKeys], string.Empty, scope.Person.Name);
        var groups = new JsonArray();
        foreach (var groupId in scope.Groups)
        {
            var state = await store.LoadAsync(groupId, cancellationToken).ConfigureAwait(false);
            var records = new JsonArray();
            foreach (var record in state.All.Where(r => r is not OutboxRecord))
            {
                var json = JsonSerializer.Serialize(record, record.GetType(), RecordMapper.Json);
                if (scrub.Mentions(json))
                {
                    records.Add(new JsonObject { ["key"] = record.Key, ["record"] = JsonNode.Parse(json) });
                }
            }

            groups.Add(new JsonObject
            {
                ["groupId"] = groupId,
                ["community"] = state.Find<PlanRecord>(PlanRecord.Kind)?.CommunityName,
                ["records"] = records,
            });
        }

        into["groups"] = groups;
    }

    /// <inheritdoc />
    public async Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        foreach (var groupId in erasure.Groups)
        {
            if (!await scrubber.ScrubAsync(groupId, erasure, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Group {groupId} kept changing while a person was erased; the job will try again.");
            }

            await DeleteSeenNamingAsync(groupId, erasure.Person.RawIds, cancellationToken).ConfigureAwait(false);
            await ClearTurnMarksAsync(groupId, cancellationToken).ConfigureAwait(false);
        }

        // Finished outbox rows whose delete was put off may name the person: gone before the job ends.
        if (outbox is not null)
        {
            await outbox.FlushDoneAsync(all: true, cancellationToken).ConfigureAwait(false);
        }
    }

    // A Slack button without a trigger id is de-duplicated by user + message + time, so its redelivery marker names
    // the user. Markers are not loaded with the group: read their keys only, and drop those naming the person.
    private async Task DeleteSeenNamingAsync(string groupId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {groupId} and RowKey ge {"seen|"} and RowKey lt {"seen}"}");
        var naming = new List<TableEntity>();
        await foreach (var row in plans.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = KeyCodec.Decode(row.RowKey);
            if (ids.Any(id => key.Contains(id, StringComparison.Ordinal)))
            {
                naming.Add(row);
            }
        }

        await TableRows.DeleteAsync(plans, naming, cancellationToken).ConfigureAwait(false);
    }

    // The version row's turn marks (TurnMarks) are hashes, but of turn ids that may hold the person's id: all of them
    // go. The cost is that a redelivery of one of the group's earlier turns is no longer recognised; redeliveries come
    // within minutes, erasures seldom.
    private async Task ClearTurnMarksAsync(string groupId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = await plans.GetEntityIfExistsAsync<TableEntity>(groupId, TableGroupStore.VersionRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!version.HasValue || !version.Value!.Keys.Any(TurnMarks.IsMarkName))
            {
                return;
            }

            try
            {
                await plans.UpdateEntityAsync(TableGroupStore.VersionRow(groupId), version.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                cache?.Evict(groupId);
                return;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 412 && attempt < 8)
            {
                // A turn saved meanwhile: read the row again.
            }
        }
    }

    /// <inheritdoc />
    public async Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        // The version row sorts first, so the first transaction deletes it: every instance's cached copy is then
        // refused at its next save. This instance's copy goes at once.
        cache?.Evict(groupId);
        if (outbox is not null)
        {
            await outbox.FlushDoneAsync(all: true, cancellationToken).ConfigureAwait(false);
        }

        await TableRows.DeleteWhereAsync(plans, TableClient.CreateQueryFilter($"PartitionKey eq {groupId}"), cancellationToken).ConfigureAwait(false);
        cache?.Evict(groupId);
    }
}
