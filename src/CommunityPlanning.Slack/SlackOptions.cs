namespace CommunityPlanning.Slack;

/// <summary>
/// The Slack app this bot answers as (one workspace). Bound from the <c>Slack</c> configuration section,
/// with the conventional <c>SLACK_SIGNING_SECRET</c> and <c>SLACK_BOT_TOKEN</c> as fallbacks.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information page). Without it every request is refused.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (xoxb-…) from OAuth &amp; Permissions.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Web API base address; tests point it at a fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The gap kept between messages posted to one channel (Slack allows about one a second).</summary>
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many requests may wait for processing before new ones are refused with 503.</summary>
    public int QueueCapacity { get; set; } = 500;

    /// <summary>How many conversations are worked on at once (each conversation stays in order).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>The longest a queued turn may take, Slack calls included.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a modal submission is worked on before Slack must be answered (it waits 3 s).</summary>
    public TimeSpan ModalBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>The largest request body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a display name looked up with users.info is reused.</summary>
    public TimeSpan UserNameCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest wait honoured from a 429's Retry-After.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when both the signing secret and the bot token are set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);
}
