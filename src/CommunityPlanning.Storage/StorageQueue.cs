using Azure.Storage.Queues;

namespace CommunityPlanning.Storage;

/// <summary>
/// A queue the bot needs. Each registered one is created once at start-up by the storage initializer,
/// beside the tables.
/// </summary>
/// <param name="Client">The queue.</param>
public sealed record StorageQueue(QueueClient Client);
