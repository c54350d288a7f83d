using CommunityPlanning.Domain.Actions;

namespace CommunityPlanning.Conversations.Rights;

/// <summary>
/// A person whose data rights are being served: where they are known (channel and tenant or workspace), their
/// channel user id, their directory id when the channel gives one (Teams: the Entra object id), and their name.
/// </summary>
/// <param name="Channel">Channel id: <c>msteams</c>, <c>slack</c>, <c>webchat</c>…</param>
/// <param name="Tenant">Teams tenant or Slack workspace (empty when the channel has none).</param>
/// <param name="UserId">The channel's user id.</param>
/// <param name="Name">The display name the bot knows them by.</param>
public sealed record PersonIdentity(string Channel, string Tenant, string UserId, string Name)
{
    /// <summary>The directory id (Teams AAD object id), when known.</summary>
    public string? DirectoryId { get; init; }

    /// <summary>Every raw id of the person.</summary>
    public IReadOnlyList<string> RawIds => DirectoryId is { Length: > 0 } d && d != UserId ? [UserId, d] : [UserId];

    /// <summary>The person's key in the cross-group indexes (<see cref="AssigneeKeys"/>) for each raw id.</summary>
    public IReadOnlyList<string> IndexKeys => RawIds.Select(id => AssigneeKeys.For(Channel, Tenant, id)).ToList();

    /// <summary>The key of their rows in the cross-group indexes (by their channel user id).</summary>
    public string Key => AssigneeKeys.For(Channel, Tenant, UserId);
}
