using System.Text.Json;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Storage.Rights;

/// <summary>
/// Keeps <see cref="PersonGroupsTable"/> in line: a member record added, renamed or made active again notes the
/// person's group, and clears any suppression marker of theirs (a new member record means they spoke to the bot
/// or joined again). Only member changes make a row, so a typical turn adds nothing.
/// </summary>
public sealed class PersonGroupsProjection(PersonGroupsTable groups, SuppressionTable suppression) : IIndexProjection
{
    /// <inheritdoc />
    public string Name => "persongroups";

    /// <inheritdoc />
    public string? Project(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var joined = state.Changed.OfType<MemberRecord>()
            .Where(m => m.Active && (state.Loaded<MemberRecord>(m.Key) is not { Active: true } before || !string.Equals(before.Member.Name, m.Member.Name, StringComparison.Ordinal)))
            .Select(m => m.Member)
            .ToList();
        if (joined.Count == 0 || state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind) is not { } reference)
        {
            return null;
        }

        return JsonSerializer.Serialize(new Change(reference.Channel, TenantOf(reference), joined), RecordMapper.Json);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string groupId, string payload, CancellationToken cancellationToken = default)
    {
        var change = JsonSerializer.Deserialize<Change>(payload, RecordMapper.Json) ?? throw new JsonException("An empty person-groups change.");
        foreach (var member in change.Members)
        {
            await groups.NoteAsync(new PersonIdentity(change.Channel, change.Tenant, member.Id, member.Name), groupId, cancellationToken).ConfigureAwait(false);
            await suppression.ClearAsync(change.Channel, change.Tenant, member.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    // The tenant the turn's ConversationKey had: Teams keeps it as tenantId, Slack as teamId.
    private static string TenantOf(ConversationReferenceRecord reference) =>
        reference.Address.GetValueOrDefault("tenantId") ?? reference.Address.GetValueOrDefault("teamId") ?? string.Empty;

    internal sealed record Change(string Channel, string Tenant, IReadOnlyList<MemberRef> Members);
}
