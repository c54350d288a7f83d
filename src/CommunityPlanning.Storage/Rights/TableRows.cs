using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage.Rights;

/// <summary>Paged reads and deletes of the rows a filter selects, for the data holders and the retention sweeper.</summary>
internal static class TableRows
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    /// <summary>Deletes every row the filter selects, page by page, in transactions of up to 100 per partition. Returns how many.</summary>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: KeysOnly, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                foreach (var partition in page.Values.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
                {
                    deleted += await DeleteAsync(table, partition.ToList(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing to delete.
        }

        return deleted;
    }

    /// <summary>Deletes rows of one partition in transactions of 100; a row gone meanwhile is not an error.</summary>
    public static async Task<int> DeleteAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(TableGroupStore.MaxOperations))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException)
            {
                // One row was deleted meanwhile (404 fails the whole transaction): delete one by one.
                foreach (var entity in chunk)
                {
                    await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return rows.Count;
    }

    /// <summary>The rows the filter selects as JSON objects (keys and properties; no ETags), for exports.</summary>
    public static async Task<JsonArray> ReadWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var row = new JsonObject();
                foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is "odata.etag" or "Timestamp" || value is null)
                    {
                        continue;
                    }

                    row[key] = value switch
                    {
                        string s => s,
                        DateTimeOffset d => d,
                        bool b => b,
                        int i => i,
                        long l => l,
                        double n => n,
                        _ => value.ToString(),
                    };
                }

                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing held.
        }

        return rows;
    }
}
