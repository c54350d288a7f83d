namespace CommunityPlanning.Teams.Auth;

/// <summary>Checks the Bearer token on an inbound Bot Framework request.</summary>
public interface IInboundAuthenticator
{
    /// <summary>
    /// Validates <paramref name="authorizationHeader"/> against the activity it came with. Never throws for a
    /// bad token: the result says why it was refused.
    /// </summary>
    /// <param name="authorizationHeader">The raw Authorization header value.</param>
    /// <param name="activityServiceUrl">The activity's <c>serviceUrl</c>.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (e.g. <c>msteams</c>).</param>
    /// <param name="cancellationToken">Cancels the wait for signing keys.</param>
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? activityServiceUrl, string? channelId, CancellationToken cancellationToken = default);
}
