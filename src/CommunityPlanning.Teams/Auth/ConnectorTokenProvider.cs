using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// The bot's Connector token, kept until 5 minutes before it expires so the hot path is a field read.
/// Concurrent callers that find it spent share one refresh. Secret or certificate go through MSAL,
/// <see cref="BotAppType.UserAssignedMSI"/> through Azure.Identity.
/// </summary>
public sealed partial class ConnectorTokenProvider : IConnectorTokenProvider
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IConnectorTokenSource? _source;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConnectorTokenProvider> _logger;
    private readonly Lock _sync = new();
    private volatile CachedToken? _cached;
    private Task<CachedToken>? _refresh;

    /// <summary>Creates the provider for the configured registration. Does no I/O.</summary>
    public ConnectorTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock, ILogger<ConnectorTokenProvider> logger)
        : this(CreateSource(options, httpClientFactory), clock, logger)
    {
    }

    internal ConnectorTokenProvider(IConnectorTokenSource? source, TimeProvider clock, ILogger<ConnectorTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_source is null)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var cached = _cached;
        return cached is not null && _clock.GetUtcNow() < cached.RefreshAfter
            ? ValueTask.FromResult<string?>(cached.Value)
            : RefreshAsync(cancellationToken);
    }

    private async ValueTask<string?> RefreshAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> refresh;
        lock (_sync)
        {
            var cached = _cached;
            if (cached is not null && _clock.GetUtcNow() < cached.RefreshAfter)
            {
                return cached.Value;
            }

            refresh = _refresh ??= FetchAsync(forceRefresh: cached is not null);
        }

        var token = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    private async Task<CachedToken> FetchAsync(bool forceRefresh)
    {
        // Leave the caller's lock first; the shared fetch is not cancelled by any one caller.
        await Task.Yield();
        try
        {
            var token = await _source!.AcquireAsync(forceRefresh, CancellationToken.None).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var lifetime = token.ExpiresOn - now;
            // Short-lived tokens (under twice the margin) are replaced at half-life instead.
            var refreshAfter = lifetime > 2 * RefreshMargin ? token.ExpiresOn - RefreshMargin : now + (lifetime / 2);
            var cached = new CachedToken(token.Value, refreshAfter);
            _cached = cached;
            LogAcquired(_logger, token.ExpiresOn);
            return cached;
        }
        catch (Exception ex)
        {
            LogFailed(_logger, ex);
            throw;
        }
        finally
        {
            lock (_sync)
            {
                _refresh = null;
            }
        }
    }

    private static IConnectorTokenSource? CreateSource(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        var settings = options.Value;
        if (!settings.IsAuthenticationConfigured)
        {
            return null;
        }

        return settings.MicrosoftAppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityConnectorTokenSource(settings)
            : new MsalConnectorTokenSource(settings, httpClientFactory);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAfter);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Acquired a Connector token valid until {ExpiresOn:u}")]
    private static partial void LogAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Could not acquire a Connector token")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
