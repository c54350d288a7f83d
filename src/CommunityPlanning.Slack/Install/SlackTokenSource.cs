using System.Collections.Concurrent;
using CommunityPlanning.Conversations.Installations;
using CommunityPlanning.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Install;

/// <summary>
/// Tokens by workspace. One workspace (<c>Slack:BotToken</c>, no OAuth settings): the configured token for every
/// call. Many workspaces (OAuth settings): the workspace's installation (by team id, then by organisation id for an
/// organisation-wide install), opened with <see cref="SlackTokenProtector"/> and kept in memory for
/// <see cref="SlackOptions.InstallationCacheDuration"/> as a cache only; with OAuth on, <c>Slack:BotToken</c> is not
/// used, so a workspace never gets a token that is not its own.
/// </summary>
internal sealed partial class SlackTokenSource(
    IOptions<SlackOptions> options,
    SlackTokenProtector protector,
    TimeProvider clock,
    ILogger<SlackTokenSource> logger,
    IInstallationStore? store = null) : ISlackTokenSource
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (SlackCredentials Credentials, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<SlackCredentials?> GetAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = options.Value;
        if (!settings.MultiWorkspace)
        {
            return string.IsNullOrWhiteSpace(settings.BotToken) ? null : new SlackCredentials(settings.BotToken, null);
        }

        var now = clock.GetUtcNow();
        var key = CacheKey(workspace);
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Credentials;
        }

        var credentials = await ReadAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            _cache.TryRemove(key, out _);
            return null;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = (credentials, now + settings.InstallationCacheDuration);
        return credentials;
    }

    public void Forget(SlackWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _cache.TryRemove(CacheKey(workspace), out _);

        // An organisation-wide install serves every workspace of the organisation.
        if (workspace.EnterpriseId is { Length: > 0 } enterprise)
        {
            foreach (var entry in _cache.Keys.Where(k => k.EndsWith("|" + enterprise, StringComparison.Ordinal)))
            {
                _cache.TryRemove(entry, out _);
            }
        }
    }

    private async Task<SlackCredentials?> ReadAsync(SlackWorkspace workspace, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            throw new InvalidOperationException("The multi-workspace Slack install needs an installation store (AddStorage).");
        }

        var installation = workspace.TeamId.Length > 0 ? await store.FindAsync(Installation.TeamScope, workspace.TeamId, cancellationToken).ConfigureAwait(false) : null;
        if (installation is null && workspace.EnterpriseId is { Length: > 0 } enterprise)
        {
            installation = await store.FindAsync(Installation.EnterpriseScope, enterprise, cancellationToken).ConfigureAwait(false);
        }

        if (installation is null)
        {
            return null;
        }

        var token = protector.Open(installation.SealedToken, installation.KeyId, installation.Scope, installation.Id);
        if (token is null)
        {
            LogCannotOpen(logger, installation.Scope, installation.KeyId);
            return null;
        }

        return new SlackCredentials(token, installation.BotUserId);
    }

    private static string CacheKey(SlackWorkspace workspace) => workspace.TeamId + "|" + workspace.EnterpriseId;

    [LoggerMessage(EventId = 4750, Level = LogLevel.Error, Message = "A Slack {Scope} installation's token could not be opened with key {KeyId} (key removed or token damaged); the workspace must install the app again")]
    private static partial void LogCannotOpen(ILogger logger, string scope, string keyId);
}
