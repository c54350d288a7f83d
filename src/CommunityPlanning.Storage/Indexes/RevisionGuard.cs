using System.Net;
using Azure;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// Writes index rows so that an older revision of an action never overwrites or deletes a newer one, even
/// when two saves' index updates arrive out of order. Every row carries the action's <c>Revision</c>;
/// each write reads the row and then writes with its ETag (or adds it), trying again if someone got there first.
/// </summary>
internal static class RevisionGuard
{
    public const string RevisionProperty = "Revision";
    private const int Tries = 3;

    /// <summary>
    /// Writes <paramref name="entity"/> unless the stored row is newer, or <paramref name="keep"/> says the stored
    /// row already says the same thing (so its claim and sent state are kept).
    /// </summary>
    public static async Task UpsertAsync(TableClient table, TableEntity entity, int revision, Func<TableEntity, bool>? keep, CancellationToken cancellationToken)
    {
        entity[RevisionProperty] = revision;
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var stored = existing.Value!;
                if ((stored.GetInt32(RevisionProperty) ?? 0) > revision || (keep?.Invoke(stored) ?? false))
                {
                    return;
                }

                await table.UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Someone wrote the row between our read and write: read again.
            }
        }

        throw new InvalidOperationException($"Index row {entity.PartitionKey}/{entity.RowKey} kept changing; its outbox row will be tried again.");
    }

    /// <summary>Deletes a row unless it was written by a revision at least <paramref name="revision"/> (null: delete whatever is there).</summary>
    public static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, int? revision, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select: [RevisionProperty], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue)
            {
                return;
            }

            var stored = existing.Value!;
            if (revision is { } r && (stored.GetInt32(RevisionProperty) ?? 0) >= r)
            {
                return;
            }

            try
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, stored.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed)
            {
                // Rewritten meanwhile: look again.
            }
        }

        throw new InvalidOperationException($"Index row {partitionKey}/{rowKey} kept changing; its outbox row will be tried again.");
    }
}
