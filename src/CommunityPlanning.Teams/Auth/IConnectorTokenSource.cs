namespace CommunityPlanning.Teams.Auth;

/// <summary>An access token and when it stops working.</summary>
internal readonly record struct ConnectorAccessToken(string Value, DateTimeOffset ExpiresOn);

/// <summary>Asks an identity platform for a new Connector token (no caching of its own needed).</summary>
internal interface IConnectorTokenSource
{
    /// <summary>The scope every Connector token is requested for.</summary>
    const string Scope = "https://api.botframework.com/.default";

    /// <param name="forceRefresh">Skip the platform's own cache: ours has decided the token is nearly spent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ConnectorAccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken);
}
