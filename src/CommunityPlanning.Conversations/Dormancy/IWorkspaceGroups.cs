using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Dormancy;

/// <summary>
/// The groups of one workspace (Slack team) or tenant, for changes that come for a whole workspace (a Slack app
/// uninstalled or installed again). Kept by an index projection from each group's conversation reference.
/// </summary>
public interface IWorkspaceGroups
{
    /// <summary>The conversations of the workspace's groups.</summary>
    IAsyncEnumerable<ConversationKey> GroupsAsync(string channel, string tenant, CancellationToken cancellationToken = default);
}
