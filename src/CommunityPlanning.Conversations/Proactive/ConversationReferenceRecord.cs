using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Proactive;

/// <summary>
/// How to reach the group's conversation later (reminders, digests, meeting cards): the channel and
/// the channel's own address details (Teams: serviceUrl, conversation, tenant, bot; Slack: team, channel).
/// Stored in the group's partition and refreshed when a turn brings different details.
/// </summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Address">The channel's address details.</param>
[GroupRecord(Kind)]
public sealed record ConversationReferenceRecord(string Channel, IReadOnlyDictionary<string, string> Address) : IGroupRecord
{
    /// <summary>The key kind (and key) of the group's conversation reference.</summary>
    public const string Kind = "ref";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;

    /// <summary>
    /// The tenant or workspace of the conversation (as in <see cref="Turns.ConversationKey.Tenant"/>), so the groups
    /// of a workspace can be found (the <c>workspacegroups</c> index). Null in records stored before it existed;
    /// the next turn fills it in.
    /// </summary>
    public string? Tenant { get; init; }

    /// <summary>The conversation id (as in <see cref="Turns.ConversationKey.Conversation"/>).</summary>
    public string? Conversation { get; init; }

    /// <summary>True when both records hold the same channel, workspace, conversation and address.</summary>
    public bool SameAs(ConversationReferenceRecord? other) =>
        other is not null
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Tenant, other.Tenant, StringComparison.Ordinal)
        && string.Equals(Conversation, other.Conversation, StringComparison.Ordinal)
        && Address.Count == other.Address.Count
        && Address.All(p => other.Address.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
}
