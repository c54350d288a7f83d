using Azure.Data.Tables;

namespace CommunityPlanning.Storage;

/// <summary>Checks that storage answers, for the readiness probe.</summary>
public sealed class StorageHealth(TableClient plans)
{
    /// <summary>True when the plans table can be queried.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var page in plans.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                _ = page;
                break;
            }

            return true;
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
