using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// Checks inbound Bot Framework tokens (PROTOCOLS.md): an RS256/384/512 signature by a published key,
/// issuer, audience, lifetime with 5 minutes' skew, the <c>serviceurl</c> claim against the activity and
/// the key's endorsements against the channel. Channel tokens (iss <c>https://api.botframework.com</c>)
/// and Emulator / Entra tokens are told apart by the unvalidated issuer, which only picks the key set;
/// everything is then validated.
/// </summary>
public sealed partial class BotFrameworkAuthenticator : IInboundAuthenticator
{
    /// <summary>The issuer of tokens from the Bot Framework channel service.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>The Bot Framework tenants whose Entra tokens the Emulator presents.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>The allowed clock difference between the token issuer and us.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string BearerPrefix = "Bearer ";
    private const int MaxTokenLength = 16 * 1024;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly string? _appId;
    private readonly OpenIdMetadataSource? _channel;
    private readonly OpenIdMetadataSource? _emulator;
    private readonly FrozenSet<string> _emulatorIssuers = FrozenSet<string>.Empty;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    /// <summary>Creates the authenticator. Does no I/O: keys are fetched on the first request.</summary>
    public BotFrameworkAuthenticator(
        IOptions<BotAuthOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider clock,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        var settings = options.Value;
        if (!settings.IsAuthenticationConfigured)
        {
            return;
        }

        _appId = settings.MicrosoftAppId!.Trim();
        var channelParameters = BaseParameters();
        channelParameters.ValidIssuer = ChannelIssuer;
        channelParameters.ValidAudience = _appId;
        _channel = new OpenIdMetadataSource(settings.OpenIdMetadataUrl, channelParameters, httpClientFactory, settings, clock, logger);

        var tenants = new List<string>(BotFrameworkTenants);
        if (settings.MicrosoftAppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId))
        {
            tenants.Add(settings.MicrosoftAppTenantId.Trim());
        }

        var issuers = tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToArray();
        _emulatorIssuers = issuers.ToFrozenSet(StringComparer.Ordinal);
        var emulatorParameters = BaseParameters();
        emulatorParameters.ValidIssuers = issuers;
        // Entra v1 tokens for the bot's app may carry the api:// form of the app id as audience.
        emulatorParameters.ValidAudiences = [_appId, $"api://{_appId}"];
        _emulator = new OpenIdMetadataSource(settings.EmulatorOpenIdMetadataUrl, emulatorParameters, httpClientFactory, settings, clock, logger);
    }

    /// <inheritdoc />
    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? activityServiceUrl, string? channelId, CancellationToken cancellationToken = default)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, activityServiceUrl, channelId, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogRefused(_logger, result.Failure);
        }

        return result;
    }

    private async Task<InboundAuthResult> AuthenticateCoreAsync(string? header, string? activityServiceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (_appId is null || _channel is null || _emulator is null)
        {
            return InboundAuthResult.Fail(InboundAuthFailure.NotConfigured);
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.MissingHeader);
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.NotBearer);
        }

        var encoded = header.AsMemory(BearerPrefix.Length).Trim();
        if (encoded.IsEmpty || encoded.Length > MaxTokenLength)
        {
            return InboundAuthResult.Fail(InboundAuthFailure.MalformedToken);
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(encoded);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return InboundAuthResult.Fail(InboundAuthFailure.MalformedToken);
        }

        if (token.Alg is not (SecurityAlgorithms.RsaSha256 or SecurityAlgorithms.RsaSha384 or SecurityAlgorithms.RsaSha512))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.InvalidAlgorithm);
        }

        // The unvalidated issuer only chooses which key set to try; the handler validates it again.
        var issuer = token.Issuer;
        var isChannel = string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal);
        if (!isChannel && !_emulatorIssuers.Contains(issuer))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.InvalidIssuer);
        }

        var source = isChannel ? _channel : _emulator;
        MetadataSnapshot snapshot;
        try
        {
            snapshot = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMetadataUnavailable(_logger, source.MetadataAddress, ex);
            return InboundAuthResult.Fail(InboundAuthFailure.MetadataUnavailable);
        }

        var keyId = token.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.UnknownSigningKey);
        }

        if (!snapshot.HasKey(keyId))
        {
            var refreshed = await source.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
            if (refreshed is null || !refreshed.HasKey(keyId))
            {
                return InboundAuthResult.Fail(InboundAuthFailure.UnknownSigningKey);
            }

            snapshot = refreshed;
        }

        var validation = await _handler.ValidateTokenAsync(token, snapshot.Parameters).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return InboundAuthResult.Fail(Classify(validation.Exception));
        }

        // Channel keys must name the channels they sign for: a key without endorsements endorses none (fail
        // closed). Entra keys (Emulator tokens) carry no endorsements, so for them a missing list is no check.
        var endorsements = snapshot.EndorsementsOf(keyId) ?? (isChannel ? [] : null);
        if (endorsements is not null
            && (string.IsNullOrEmpty(channelId) || Array.IndexOf(endorsements, channelId) < 0))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.ChannelNotEndorsed);
        }

        if (isChannel)
        {
            if (!token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
            {
                return InboundAuthResult.Fail(InboundAuthFailure.MissingServiceUrl);
            }

            if (!string.Equals(serviceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return InboundAuthResult.Fail(InboundAuthFailure.ServiceUrlMismatch);
            }

            return InboundAuthResult.Success(validation.ClaimsIdentity, _appId, InboundTokenSource.Channel);
        }

        if (!string.Equals(CallerAppId(token), _appId, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Fail(InboundAuthFailure.AppIdMismatch);
        }

        return InboundAuthResult.Success(validation.ClaimsIdentity, _appId, InboundTokenSource.Emulator);
    }

    // v1 tokens name the caller in appid, v2 tokens in azp; the ver claim says which (or the issuer form does).
    private static string? CallerAppId(JsonWebToken token)
    {
        token.TryGetPayloadValue<string>("ver", out var version);
        var isV2 = version is null
            ? token.Issuer.EndsWith("/v2.0", StringComparison.Ordinal)
            : string.Equals(version, "2.0", StringComparison.Ordinal);
        return token.TryGetPayloadValue<string>(isV2 ? "azp" : "appid", out var appId) ? appId : null;
    }

    private static InboundAuthFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => InboundAuthFailure.Expired,
        SecurityTokenNotYetValidException => InboundAuthFailure.NotYetValid,
        SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException => InboundAuthFailure.InvalidLifetime,
        SecurityTokenInvalidAudienceException => InboundAuthFailure.InvalidAudience,
        SecurityTokenInvalidIssuerException => InboundAuthFailure.InvalidIssuer,
        SecurityTokenSignatureKeyNotFoundException => InboundAuthFailure.UnknownSigningKey,
        SecurityTokenInvalidAlgorithmException => InboundAuthFailure.InvalidAlgorithm,
        SecurityTokenInvalidSignatureException => InboundAuthFailure.InvalidSignature,
        SecurityTokenMalformedException => InboundAuthFailure.MalformedToken,
        _ => InboundAuthFailure.InvalidToken,
    };

    private static TokenValidationParameters BaseParameters() => new()
    {
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidAlgorithms = Algorithms,
        ClockSkew = ClockSkew,
        // Every Bot Framework token names its key; trying every key would blur which key's endorsements apply.
        TryAllIssuerSigningKeys = false,
        SaveSigninToken = false,
    };

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Refused an inbound Bot Framework request: {Failure}")]
    private static partial void LogRefused(ILogger logger, InboundAuthFailure failure);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Signing keys from {MetadataAddress} are unavailable")]
    private static partial void LogMetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);
}
