using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// The bot's own Slack user id, so its mention can be stripped and its own messages ignored. Learnt
/// from auth.test at start-up, or from an event's authorizations.
/// </summary>
internal sealed partial class SlackBotIdentity(SlackApiClient api, ILogger<SlackBotIdentity> logger)
{
    private volatile string? _userId;

    public string? UserId => _userId;

    public void Learn(string? userId)
    {
        if (!string.IsNullOrEmpty(userId) && _userId is null)
        {
            _userId = userId;
        }
    }

    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_userId is { } known)
        {
            return known;
        }

        try
        {
            Learn(await api.GetBotUserIdAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (SlackApiException ex)
        {
            LogAuthFailed(logger, ex.Error);
        }
        catch (HttpRequestException ex)
        {
            LogAuthFailed(logger, ex.Message);
        }

        return _userId;
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Slack auth.test failed, so the bot's own user id is not known yet: {Error}")]
    private static partial void LogAuthFailed(ILogger logger, string error);
}

/// <summary>Asks Slack for the bot's user id once at start-up, off the request path.</summary>
internal sealed class SlackBotIdentityWarmUp(SlackBotIdentity identity, IOptions<SlackOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // auth.test needs the single workspace's bot token; with the multi-workspace install it is learnt from events.
        if (options.Value.SingleWorkspace)
        {
            await identity.GetAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
