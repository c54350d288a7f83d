using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// The bot's own Slack user id in each workspace, so its mention can be stripped and its own messages ignored.
/// Learnt from an event's authorizations, the workspace's installation, or auth.test with the workspace's token.
/// With one workspace (<c>Slack:BotToken</c>) there is one id for every request.
/// </summary>
internal sealed partial class SlackBotIdentity(SlackApiClient api, ISlackTokenSource tokens, IOptions<SlackOptions> options, ILogger<SlackBotIdentity> logger)
{
    private readonly ConcurrentDictionary<string, string> _userIds = new(StringComparer.Ordinal);

    /// <summary>The bot's user id in the workspace, when known already.</summary>
    public string? UserIdIn(SlackWorkspace workspace) => _userIds.GetValueOrDefault(Key(workspace));

    public void Learn(SlackWorkspace workspace, string? userId)
    {
        if (!string.IsNullOrEmpty(userId))
        {
            _userIds.TryAdd(Key(workspace), userId);
        }
    }

    public async ValueTask<string?> GetAsync(SlackWorkspace workspace, CancellationToken cancellationToken = default)
    {
        if (UserIdIn(workspace) is { } known)
        {
            return known;
        }

        try
        {
            var installed = (await tokens.GetAsync(workspace, cancellationToken).ConfigureAwait(false))?.BotUserId;
            Learn(workspace, installed ?? await api.GetBotUserIdAsync(workspace, cancellationToken).ConfigureAwait(false));
        }
        catch (SlackApiException ex)
        {
            LogAuthFailed(logger, ex.Error);
        }
        catch (HttpRequestException ex)
        {
            LogAuthFailed(logger, ex.Message);
        }

        return UserIdIn(workspace);
    }

    private string Key(SlackWorkspace workspace) => options.Value.MultiWorkspace ? workspace.TeamId : string.Empty;

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Slack auth.test failed, so the bot's own user id is not known yet: {Error}")]
    private static partial void LogAuthFailed(ILogger logger, string error);
}

/// <summary>Asks Slack for the bot's user id once at start-up, off the request path.</summary>
internal sealed class SlackBotIdentityWarmUp(SlackBotIdentity identity, IOptions<SlackOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // auth.test needs the single workspace's bot token; with the multi-workspace install it is learnt per workspace.
        if (options.Value.SingleWorkspace && !options.Value.MultiWorkspace)
        {
            await identity.GetAsync(new SlackWorkspace(string.Empty), stoppingToken).ConfigureAwait(false);
        }
    }
}
