namespace CommunityPlanning.Teams.Auth;

/// <summary>Gives the bot's own token for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// The current access token for <c>https://api.botframework.com</c>, or null when no app id is
    /// configured (local development: send without a token). Check the serviceUrl with
    /// <see cref="ServiceUrlPolicy"/> before attaching it.
    /// </summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
