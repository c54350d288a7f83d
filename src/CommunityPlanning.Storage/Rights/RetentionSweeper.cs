using Azure.Data.Tables;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Storage.Dormancy;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Deletes what is kept no longer: redelivery markers (<c>seen|…</c>) older than <see cref="RetentionOptions.SeenAfter"/>,
/// found with one query over the RowKey range <c>seen|</c>…<c>seen}</c> (keys only, page by page, deleted per
/// partition in transactions), so no group is loaded; and groups dormant longer than
/// <see cref="RetentionOptions.DormantGroupAfter"/>, each claimed with an ETag so two instances never both work on
/// one, and deleted through every data holder (the dormant row goes last, so a stopped sweep is taken up again).
/// </summary>
public sealed partial class RetentionSweeper(
    TableClient plans,
    DormantGroupsTable dormant,
    DataHolders holders,
    RetentionOptions options,
    OutboxOptions instance,
    TimeProvider clock,
    ILogger<RetentionSweeper> logger)
{
    private static readonly string SeenLow = "seen" + RecordKeys.Separator;
    private const string SeenHigh = "seen}";

    /// <summary>Deletes old redelivery markers; returns how many.</summary>
    public async Task<int> SweepSeenAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - options.SeenAfter;
        var filter = TableClient.CreateQueryFilter($"RowKey ge {SeenLow} and RowKey lt {SeenHigh} and Timestamp lt {cutoff.ToUniversalTime()}");
        var deleted = await TableRows.DeleteWhereAsync(plans, filter, cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogSeen(logger, deleted);
        }

        return deleted;
    }

    /// <summary>Deletes groups dormant for longer than the setting; returns how many.</summary>
    public async Task<int> SweepDormantAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = new List<DormantGroup>();
        await foreach (var group in dormant.DormantBeforeAsync(now - options.DormantGroupAfter, cancellationToken).ConfigureAwait(false))
        {
            due.Add(group);
        }

        var deleted = 0;
        foreach (var group in due)
        {
            if (group.ClaimedUntil > now || !await dormant.TryClaimAsync(group, instance.InstanceId, now + options.ClaimTimeout, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await holders.DeleteGroupAsync(group.GroupId, cancellationToken).ConfigureAwait(false);
                LogDormant(logger, group.GroupId, group.Since);
                deleted++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDormantFailed(logger, ex, group.GroupId);
            }
        }

        return deleted;
    }

    [LoggerMessage(EventId = 2904, Level = LogLevel.Information, Message = "Deleted {Count} redelivery markers past their retention")]
    private static partial void LogSeen(ILogger logger, int count);

    [LoggerMessage(EventId = 2905, Level = LogLevel.Information, Message = "Deleted group {GroupId}, dormant since {Since}")]
    private static partial void LogDormant(ILogger logger, string groupId, DateTimeOffset since);

    [LoggerMessage(EventId = 2906, Level = LogLevel.Warning, Message = "Deleting dormant group {GroupId} stopped; it is taken up again when its claim ends")]
    private static partial void LogDormantFailed(ILogger logger, Exception exception, string groupId);
}
