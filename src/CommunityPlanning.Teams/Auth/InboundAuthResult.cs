using System.Security.Claims;

namespace CommunityPlanning.Teams.Auth;

/// <summary>Why an inbound request was refused.</summary>
public enum InboundAuthFailure
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>No <c>MicrosoftAppId</c> is configured, so no token can be checked.</summary>
    NotConfigured,

    /// <summary>No Authorization header.</summary>
    MissingHeader,

    /// <summary>The Authorization header is not a Bearer token.</summary>
    NotBearer,

    /// <summary>The token is not a readable JWT.</summary>
    MalformedToken,

    /// <summary>The token is not signed with RS256, RS384 or RS512 (including <c>alg: none</c>).</summary>
    InvalidAlgorithm,

    /// <summary>The token's issuer is not one we accept.</summary>
    InvalidIssuer,

    /// <summary>The signing keys could not be fetched (network or metadata problem, not the caller's fault).</summary>
    MetadataUnavailable,

    /// <summary>The token names a key id that is not in the published keys, even after a refresh.</summary>
    UnknownSigningKey,

    /// <summary>The signature does not verify.</summary>
    InvalidSignature,

    /// <summary>The token is not for this bot.</summary>
    InvalidAudience,

    /// <summary>The token has expired (beyond the allowed clock skew).</summary>
    Expired,

    /// <summary>The token is not valid yet (beyond the allowed clock skew).</summary>
    NotYetValid,

    /// <summary>The token's lifetime is missing or inconsistent.</summary>
    InvalidLifetime,

    /// <summary>A channel token without a <c>serviceurl</c> claim.</summary>
    MissingServiceUrl,

    /// <summary>The <c>serviceurl</c> claim differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,

    /// <summary>The signing key is not endorsed for the activity's channel.</summary>
    ChannelNotEndorsed,

    /// <summary>An Entra-issued token whose <c>appid</c>/<c>azp</c> is not this bot.</summary>
    AppIdMismatch,

    /// <summary>The token failed validation for another reason.</summary>
    InvalidToken,
}

/// <summary>Where a validated token came from.</summary>
public enum InboundTokenSource
{
    /// <summary>Not validated.</summary>
    None = 0,

    /// <summary>The Bot Framework channel service (Teams, Web Chat, Direct Line…).</summary>
    Channel,

    /// <summary>Entra on behalf of the Emulator (or another Entra-issued caller using the bot's own app).</summary>
    Emulator,
}

/// <summary>The outcome of checking an inbound request's token.</summary>
public sealed class InboundAuthResult
{
    private InboundAuthResult(InboundAuthFailure failure, ClaimsIdentity? identity, string? appId, InboundTokenSource source)
    {
        Failure = failure;
        Identity = identity;
        AppId = appId;
        Source = source;
    }

    /// <summary>True when the request may go on to the bot.</summary>
    public bool Succeeded => Failure == InboundAuthFailure.None;

    /// <summary>Why the request was refused; <see cref="InboundAuthFailure.None"/> when it succeeded.</summary>
    public InboundAuthFailure Failure { get; }

    /// <summary>The validated token's claims.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The bot app id the token was issued for.</summary>
    public string? AppId { get; }

    /// <summary>Which issuer family validated the token.</summary>
    public InboundTokenSource Source { get; }

    /// <summary>A refusal.</summary>
    public static InboundAuthResult Fail(InboundAuthFailure failure)
    {
        if (failure == InboundAuthFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), "A failure needs a reason.");
        }

        return Failures[(int)failure];
    }

    /// <summary>A success.</summary>
    public static InboundAuthResult Success(ClaimsIdentity identity, string appId, InboundTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return new InboundAuthResult(InboundAuthFailure.None, identity, appId, source);
    }

    // Refusals carry no per-request data, so one instance per reason keeps the refusal path allocation-free.
    private static readonly InboundAuthResult[] Failures =
        Enum.GetValues<InboundAuthFailure>().Select(f => new InboundAuthResult(f, null, null, InboundTokenSource.None)).ToArray();
}
