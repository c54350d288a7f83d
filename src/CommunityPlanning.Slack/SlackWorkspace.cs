namespace CommunityPlanning.Slack;

/// <summary>
/// The Slack workspace a request came from, or a message goes to: every Web API call carries one, and
/// <see cref="Api.ISlackTokenSource"/> turns it into that workspace's bot token.
/// </summary>
/// <param name="TeamId">The workspace (team) id; empty when unknown (work stored before workspaces were recorded).</param>
/// <param name="EnterpriseId">The organisation (Enterprise Grid) id, when the workspace belongs to one.</param>
public sealed record SlackWorkspace(string TeamId, string? EnterpriseId = null)
{
    /// <summary>The workspace of a stored address (a conversation reference's or an outbox row's details).</summary>
    public static SlackWorkspace Of(IReadOnlyDictionary<string, string> address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new SlackWorkspace(address.GetValueOrDefault(SlackAddress.TeamId) ?? string.Empty, address.GetValueOrDefault(SlackAddress.EnterpriseId));
    }
}
