namespace CommunityPlanning.Slack.Api;

/// <summary>
/// The one place that decides which bot token a Web API call uses: the token of the workspace the call is for.
/// With <c>Slack:BotToken</c> alone (one workspace) that is always the configured token; with the OAuth install
/// (many workspaces) it is the workspace's stored installation, decrypted, and never another workspace's.
/// </summary>
public interface ISlackTokenSource
{
    /// <summary>The workspace's bot credentials, or null when the bot is not installed there.</summary>
    ValueTask<SlackCredentials?> GetAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default);

    /// <summary>Drops what this instance remembers about the workspace (after an install or an uninstall).</summary>
    void Forget(SlackWorkspace workspace);
}

/// <summary>What the bot needs to act in one workspace.</summary>
/// <param name="Token">The bot token (<c>xoxb-…</c>).</param>
/// <param name="BotUserId">The bot's user id in the workspace, when known.</param>
public sealed record SlackCredentials(string Token, string? BotUserId)
{
    /// <inheritdoc />
    public override string ToString() => $"SlackCredentials {{ BotUserId = {BotUserId} }}";
}
