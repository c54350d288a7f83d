using Azure.Data.Tables;

namespace CommunityPlanning.Storage.Indexes;

/// <summary>
/// The cross-group index tables: open actions by owner ("my actions") and reminders by due day. They hold
/// derived data, rebuilt from the groups' partitions, so losing a write costs a late or stale row, never
/// the action itself.
/// </summary>
/// <param name="Assignees">Open actions by owner: PartitionKey = owner key, RowKey = group|action.</param>
/// <param name="Reminders">Reminders and digests: PartitionKey = London day (yyyy-MM-dd), RowKey = group|action|kind or group|digest.</param>
public sealed record IndexTables(TableClient Assignees, TableClient Reminders)
{
    /// <summary>The assignee table's name (before the prefix).</summary>
    public const string AssigneesName = "actionsbyowner";

    /// <summary>The reminder table's name (before the prefix).</summary>
    public const string RemindersName = "reminders";

    /// <summary>The index tables of a storage account, with the configured prefix.</summary>
    public static IndexTables For(TableServiceClient service, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        return new IndexTables(service.GetTableClient(options.TableName(AssigneesName)), service.GetTableClient(options.TableName(RemindersName)));
    }

    /// <summary>Creates both tables if they don't exist.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await Assignees.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Reminders.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
