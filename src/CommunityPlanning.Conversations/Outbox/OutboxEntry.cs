namespace CommunityPlanning.Conversations.Outbox;

/// <summary>An outbox row as stored: the group, the row, and the version (ETag) it was read or written at.</summary>
/// <param name="GroupId">The group whose partition holds the row.</param>
/// <param name="Record">The row.</param>
/// <param name="Version">Its version; null when unknown (the save's answer was lost).</param>
public sealed record OutboxEntry(string GroupId, OutboxRecord Record, string? Version);
