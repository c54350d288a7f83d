using Azure.Data.Tables;

namespace CommunityPlanning.Storage;

/// <summary>
/// A table the bot needs. Each registered one is created once at start-up by the storage initializer,
/// with retries while storage is not reachable yet.
/// </summary>
/// <param name="Client">The table.</param>
public sealed record StorageTable(TableClient Client);
