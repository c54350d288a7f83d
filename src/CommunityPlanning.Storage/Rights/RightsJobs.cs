using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Storage.Rights;

/// <summary>What a stored data-rights job asks for.</summary>
/// <param name="Type"><see cref="RightsJobs.Forget"/> or <see cref="RightsJobs.DeleteGroup"/>.</param>
/// <param name="GroupId">The group asked in (forget) or deleted (delete).</param>
/// <param name="RequestedAt">When it was asked.</param>
public sealed record RightsRequest(string Type, string GroupId, DateTimeOffset RequestedAt)
{
    /// <summary>The person to forget.</summary>
    public PersonIdentity? Person { get; init; }

    /// <summary>The deleted plan's community name, for the final message.</summary>
    public string? CommunityName { get; init; }

    /// <summary>Where to post the final message of a delete.</summary>
    public ConversationReferenceRecord? Reference { get; init; }
}

/// <summary>A job as stored, with the ETag of the read.</summary>
/// <param name="Id">The request id.</param>
/// <param name="Request">What it asks for.</param>
/// <param name="Groups">The person's groups, fixed on the first run of a forget job (null before).</param>
/// <param name="Placeholder">The id that replaces the person's, fixed with the groups.</param>
/// <param name="ClaimedUntil">Until when an instance works on it.</param>
/// <param name="ETag">The version read.</param>
public sealed record RightsJob(string Id, RightsRequest Request, IReadOnlyList<string>? Groups, string? Placeholder, DateTimeOffset? ClaimedUntil, ETag ETag);

/// <summary>
/// The <c>rightsjobs</c> table: one row per forget or delete request (PartitionKey <c>job</c>, RowKey the request id),
/// written before the person is told, claimed with ETags by one instance at a time, deleted when done. A job holds
/// the person's ids only while it runs.
/// </summary>
public sealed class RightsJobs(TableClient table)
{
    /// <summary>The table's name (before the prefix).</summary>
    public const string TableName = "rightsjobs";

    /// <summary>Erase a person everywhere.</summary>
    public const string Forget = "forget";

    /// <summary>Delete a group's plan and everything pointing to it.</summary>
    public const string DeleteGroup = "delete";

    private const string Partition = "job";
    private const string RequestProperty = "Request";
    private const string GroupsProperty = "Groups";
    private const string PlaceholderProperty = "Placeholder";
    private const string ClaimedByProperty = "ClaimedBy";
    private const string ClaimedUntilProperty = "ClaimedUntil";

    /// <summary>The table.</summary>
    public TableClient Table => table;

    /// <summary>Stores a request once (a second add of the same id is ignored).</summary>
    public async Task AddAsync(string id, RightsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = new TableEntity(Partition, KeyCodec.Encode(id)) { [RequestProperty] = JsonSerializer.Serialize(request, RecordMapper.Json) };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored already (the turn ran again): one job per request.
        }
    }

    /// <summary>Every stored job.</summary>
    public async Task<IReadOnlyList<RightsJob>> ListAsync(CancellationToken cancellationToken = default)
    {
        var jobs = new List<RightsJob>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(entity));
        }

        return jobs;
    }

    /// <summary>Claims a job for this instance; null when another instance changed or claimed it first.</summary>
    public async Task<RightsJob?> TryClaimAsync(RightsJob job, string claimant, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var claim = new TableEntity(Partition, KeyCodec.Encode(job.Id)) { [ClaimedByProperty] = claimant, [ClaimedUntilProperty] = until };
        try
        {
            var response = await table.UpdateEntityAsync(claim, job.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return job with { ClaimedUntil = until, ETag = response.Headers.ETag ?? job.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Fixes a forget job's groups and placeholder, so a re-run after a crash erases the same groups the same way.</summary>
    public async Task<RightsJob> FixAsync(RightsJob job, IReadOnlyList<string> groups, string placeholder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entity = new TableEntity(Partition, KeyCodec.Encode(job.Id))
        {
            [GroupsProperty] = JsonSerializer.Serialize(groups),
            [PlaceholderProperty] = placeholder,
        };
        var response = await table.UpdateEntityAsync(entity, job.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return job with { Groups = groups, Placeholder = placeholder, ETag = response.Headers.ETag ?? job.ETag };
    }

    /// <summary>Deletes a finished job.</summary>
    public Task DeleteAsync(RightsJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return table.DeleteEntityAsync(Partition, KeyCodec.Encode(job.Id), ETag.All, cancellationToken);
    }

    private static RightsJob Read(TableEntity entity) => new(
        KeyCodec.Decode(entity.RowKey),
        JsonSerializer.Deserialize<RightsRequest>(entity.GetString(RequestProperty) ?? "null", RecordMapper.Json) ?? throw new JsonException("A rights job without its request."),
        entity.GetString(GroupsProperty) is { } groups ? JsonSerializer.Deserialize<List<string>>(groups) : null,
        entity.GetString(PlaceholderProperty),
        entity.GetDateTimeOffset(ClaimedUntilProperty),
        entity.ETag);
}
