using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlanning.Teams.Auth;

/// <summary>
/// The signing keys behind one OpenID metadata URL. A <see cref="ConfigurationManager{T}"/> keeps them
/// fresh (fetched on first use, then every <see cref="BotAuthOptions.KeyRefreshInterval"/> in the
/// background, last good keys kept on failure). An unknown key id triggers one immediate fetch, at most
/// once per <see cref="BotAuthOptions.MinimumKeyRefreshInterval"/>, so a flood of made-up key ids cannot
/// hammer the metadata endpoint. That fetch is done directly rather than through
/// <see cref="ConfigurationManager{T}.RequestRefresh"/>, which in IdentityModel 8 only schedules a
/// background refresh, so the request that saw the new key would still fail.
/// </summary>
internal sealed partial class OpenIdMetadataSource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly BotAuthDocumentRetriever _retriever;
    private readonly TokenValidationParameters _template;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();

    private OpenIdConnectConfiguration? _managerConfiguration;
    private volatile MetadataSnapshot? _snapshot;
    private Task<MetadataSnapshot>? _forcedRefresh;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public OpenIdMetadataSource(
        string metadataAddress,
        TokenValidationParameters template,
        IHttpClientFactory httpClientFactory,
        BotAuthOptions options,
        TimeProvider clock,
        ILogger logger)
    {
        MetadataAddress = metadataAddress;
        var uri = new Uri(metadataAddress, UriKind.Absolute);
        var requireHttps = !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        _retriever = new BotAuthDocumentRetriever(httpClientFactory, requireHttps);
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = options.KeyRefreshInterval,
            RefreshInterval = options.MinimumKeyRefreshInterval,
        };
        _template = template;
        _clock = clock;
        _minimumRefreshInterval = options.MinimumKeyRefreshInterval;
        _logger = logger;
    }

    public string MetadataAddress { get; }

    /// <summary>The current keys; the first call fetches them. Throws when none could ever be fetched.</summary>
    public ValueTask<MetadataSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var pending = _manager.GetConfigurationAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? new(Resolve(pending.Result)) : AwaitAsync(pending);
    }

    /// <summary>
    /// Fetches the keys now because a token named a key we do not know. Returns null when a fetch happened
    /// too recently (or failed): the caller then refuses the token with the keys it has.
    /// </summary>
    public async ValueTask<MetadataSnapshot?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        Task<MetadataSnapshot> refresh;
        lock (_sync)
        {
            if (_forcedRefresh is { } running)
            {
                refresh = running;
            }
            else
            {
                var now = _clock.GetUtcNow();
                if (_lastForcedRefresh != DateTimeOffset.MinValue && now - _lastForcedRefresh < _minimumRefreshInterval)
                {
                    return null;
                }

                _lastForcedRefresh = now;
                refresh = _forcedRefresh = FetchNowAsync();
            }
        }

        try
        {
            return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, MetadataAddress, ex);
            return null;
        }
    }

    private async ValueTask<MetadataSnapshot> AwaitAsync(Task<OpenIdConnectConfiguration> pending) =>
        Resolve(await pending.ConfigureAwait(false));

    private MetadataSnapshot Resolve(OpenIdConnectConfiguration configuration)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && ReferenceEquals(configuration, _managerConfiguration))
        {
            return snapshot;
        }

        // The manager has fetched (first time, or its scheduled refresh): build the per-request state once.
        snapshot = MetadataSnapshot.Create(configuration, _template);
        lock (_sync)
        {
            _managerConfiguration = configuration;
            _snapshot = snapshot;
        }

        LogKeysLoaded(_logger, MetadataAddress, snapshot.KeyCount);
        return snapshot;
    }

    private async Task<MetadataSnapshot> FetchNowAsync()
    {
        // Leave the caller's lock before doing any work; the shared fetch ignores any one caller's cancellation.
        await Task.Yield();
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, _retriever, CancellationToken.None).ConfigureAwait(false);
            var snapshot = MetadataSnapshot.Create(configuration, _template);
            _snapshot = snapshot;
            LogKeysLoaded(_logger, MetadataAddress, snapshot.KeyCount);
            return snapshot;
        }
        finally
        {
            lock (_sync)
            {
                _forcedRefresh = null;
            }
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Loaded {KeyCount} signing keys from {MetadataAddress}")]
    private static partial void LogKeysLoaded(ILogger logger, string metadataAddress, int keyCount);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Could not refresh signing keys from {MetadataAddress}")]
    private static partial void LogRefreshFailed(ILogger logger, string metadataAddress, Exception exception);
}
