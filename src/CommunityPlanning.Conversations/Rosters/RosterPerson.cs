namespace CommunityPlanning.Conversations.Rosters;

/// <summary>
/// One person in a group's conversation as the channel lists them (Teams pagedmembers, Slack
/// conversations.members), whether or not they ever spoke to the bot.
/// </summary>
/// <param name="UserId">The channel's user id (Teams <c>29:…</c>, Slack <c>U…</c>).</param>
/// <param name="Name">The display name the channel gave.</param>
public sealed record RosterPerson(string UserId, string Name)
{
    /// <summary>The Entra (AAD) object id, in Teams; null elsewhere.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>The channel's user role (Teams <c>user</c>, <c>guest</c>, <c>anonymous</c>), if given.</summary>
    public string? UserRole { get; init; }

    /// <summary>True for a guest (Teams guest, Slack restricted or single-channel guest).</summary>
    public bool Guest { get; init; }
}
