using Azure.Core;
using Azure.Identity;

namespace CommunityPlanning.Teams.Auth;

/// <summary>Tokens for a <see cref="BotAppType.UserAssignedMSI"/> bot from its managed identity.</summary>
internal sealed class ManagedIdentityConnectorTokenSource(BotAuthOptions options) : IConnectorTokenSource
{
    private static readonly TokenRequestContext Request = new([IConnectorTokenSource.Scope]);

    private readonly ManagedIdentityCredential _credential =
        new(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!));

    public async Task<ConnectorAccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // Azure.Identity has no force switch; its own cache refreshes well before expiry.
        var token = await _credential.GetTokenAsync(Request, cancellationToken).ConfigureAwait(false);
        return new ConnectorAccessToken(token.Token, token.ExpiresOn);
    }
}
