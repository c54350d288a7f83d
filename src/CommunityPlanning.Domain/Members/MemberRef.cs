namespace CommunityPlanning.Domain.Members;

/// <summary>A person as a channel knows them: a stable id and the name to show.</summary>
/// <param name="Id">The channel's user id (Teams 29:…, Slack U…, or a playground id).</param>
/// <param name="Name">The display name, as the channel gave it.</param>
public sealed record MemberRef(string Id, string Name);
