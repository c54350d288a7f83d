using Azure.Data.Tables;

namespace CommunityPlanning.Storage;

/// <summary>Checks that storage answers, for the readiness probe.</summary>
public sealed class StorageHealth(TableClient plans)
{
    /// <summary>How long a probe may wait: an unreachable store should be reported, not waited out.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>True when the plans table can be queried within <see cref="Timeout"/>.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var page in plans.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages().ConfigureAwait(false))
            {
                _ = page;
                break;
            }

            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
