using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Dormancy;

/// <summary>
/// The groups of each workspace: a row in <c>workspacegroups</c> when a group's conversation reference is first
/// stored with its workspace (or moves to another one). A conversation without a tenant (the playground) is not listed.
/// </summary>
public sealed class WorkspaceGroupsProjection(WorkspaceGroupsTable table) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "workspace";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Changed.OfType<ConversationReferenceRecord>().FirstOrDefault() is not { Tenant: { Length: > 0 } tenant, Conversation: { Length: > 0 } conversation } reference)
        {
            return null;
        }

        var before = state.Loaded<ConversationReferenceRecord>(ConversationReferenceRecord.Kind);
        return before is not null && before.Tenant == tenant && before.Conversation == conversation && before.Channel == reference.Channel
            ? null
            : JsonSerializer.Serialize(new Change(reference.Channel, tenant, conversation), RecordMapper.Json);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, RecordMapper.Json) ?? throw new JsonException("An empty workspace change.");
        var key = new ConversationKey(change.Channel, change.Tenant, change.Conversation);
        if (!string.Equals(key.GroupId, groupId, StringComparison.Ordinal))
        {
            throw new JsonException("A workspace change names another group.");
        }

        await table.AddAsync(key, cancellationToken).ConfigureAwait(false);
    }

    internal sealed record Change(string Channel, string Tenant, string Conversation);
}
