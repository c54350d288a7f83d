namespace CommunityPlanning.Storage;

/// <summary>Where the bot stores its data. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Storage";

    /// <summary>A storage connection string (Azurite locally). Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, used with managed identity in Azure (https://ACCOUNT.table.core.windows.net).</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>
    /// The Queue service endpoint, used with managed identity in Azure (https://ACCOUNT.queue.core.windows.net).
    /// Needed with <see cref="ServiceUri"/>; a connection string carries its own queue endpoint.
    /// </summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The table holding every group's partition.</summary>
    public string PlansTable { get; set; } = "plans";

    /// <summary>A prefix for every table and queue name (lets several bots or test runs share one account).</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>The full name of a table.</summary>
    public string TableName(string name) => TablePrefix + name;

    /// <summary>The full name of a queue (queue names are lower case; hyphens are allowed).</summary>
    public string QueueName(string name) => (TablePrefix + name).ToLowerInvariant();
}
