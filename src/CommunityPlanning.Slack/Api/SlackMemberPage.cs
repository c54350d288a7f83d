namespace CommunityPlanning.Slack.Api;

/// <summary>One page of conversations.members.</summary>
/// <param name="UserIds">The members' user ids.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last.</param>
public sealed record SlackMemberPage(IReadOnlyList<string> UserIds, string? NextCursor);
