using Azure;
using Azure.Data.Tables;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Bot.Playground;

/// <summary>Deletes everything the bot stored for the demo group: every row of its partition.</summary>
internal sealed partial class DemoGroupReset(TableClient plans, ILogger<DemoGroupReset> logger)
{
    /// <summary>Most operations in one entity-group transaction.</summary>
    private const int BatchSize = 100;

    /// <summary>
    /// The demo group's id, as <c>InboundActivityMapper</c> derives it: channel "webchat", no tenant, and
    /// the conversation id (which has no ";messageid=" part to strip).
    /// </summary>
    public static string GroupIdFor(string conversationId) => GroupIds.For(PlaygroundBot.ChannelId, string.Empty, conversationId);

    /// <summary>Deletes the partition's rows; returns how many were deleted.</summary>
    public async Task<int> DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var groupId = GroupIdFor(conversationId);
        var batch = new List<TableTransactionAction>(BatchSize);
        var deleted = 0;
        try
        {
            var rows = plans.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {groupId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
            await foreach (var row in rows.ConfigureAwait(false))
            {
                batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
                if (batch.Count == BatchSize)
                {
                    deleted += await SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
                }
            }

            deleted += await SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // No table yet: nothing was ever stored.
        }

        LogReset(logger, groupId, deleted);
        return deleted;
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await plans.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Reset the playground's demo group {GroupId}: deleted {Rows} rows")]
    private static partial void LogReset(ILogger logger, string groupId, int rows);
}
