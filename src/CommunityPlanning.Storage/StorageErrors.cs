using Azure;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage;

/// <summary>Tells storage trouble (the store could not be reached) from a refusal (conflict, not found, bad request).</summary>
internal static class StorageErrors
{
    /// <summary>
    /// True for network errors, timeouts that were not asked for, and service errors left after the client's
    /// retries; false for answers such as 404, 409 and 412, and for a transaction the service refused.
    /// </summary>
    public static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        TableTransactionFailedException => false,
        RequestFailedException r => r.Status is 0 or 408 or >= 500,
        HttpRequestException or IOException or AggregateException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
