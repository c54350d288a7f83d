using CommunityPlanning.Conversations.Security;

namespace CommunityPlanning.Slack;

/// <summary>
/// The Slack app this bot answers as. Bound from the <c>Slack</c> configuration section, with the
/// conventional <c>SLACK_SIGNING_SECRET</c> and <c>SLACK_BOT_TOKEN</c> as fallbacks. Every secret is checked
/// at start-up (<see cref="SlackOptionsValidator"/>); Slack is on only when it is fully configured.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information page): at least 32 characters. Without it Slack is off.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>, or <c>xoxe.xoxb-…</c> with token rotation) from OAuth &amp; Permissions, for one workspace.</summary>
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

    /// <summary>The app's OAuth client id (Basic Information), for the multi-workspace install.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's OAuth client secret (Basic Information), for the multi-workspace install.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The key that encrypts workspaces' bot tokens at rest, for the multi-workspace install: the base64 of 32
    /// random bytes. Its key id is <see cref="DefaultKeyId"/>.
    /// </summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>
    /// More token keys by id (<c>Slack:TokenEncryptionKeys:{id}</c>, each the base64 of 32 random bytes), for rotating:
    /// a token sealed with any of them (or with <see cref="TokenEncryptionKey"/>) can be read.
    /// </summary>
    public Dictionary<string, string> TokenEncryptionKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The id of the key new tokens are sealed with; <see cref="DefaultKeyId"/> (the single key) when not set.</summary>
    public string? TokenEncryptionKeyId { get; set; }

    /// <summary>The key id of <see cref="TokenEncryptionKey"/>.</summary>
    public const string DefaultKeyId = "default";

    /// <summary>
    /// The OAuth redirect address (must be listed in the app's <c>oauth_config.redirect_urls</c>); when not set, the
    /// host's own <c>/api/slack/oauth/callback</c> as the request reached it.
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The bot scopes the install asks for: the same as the app manifest's <c>oauth_config.scopes.bot</c>.</summary>
    public string InstallScopes { get; set; } = "app_mentions:read,channels:history,channels:read,chat:write,commands,groups:history,groups:read,im:history,im:write,users:read";

    /// <summary>How long an "Add to Slack" link (its signed state) stays usable.</summary>
    public TimeSpan InstallStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an instance reuses a workspace's decrypted token before reading its installation again.</summary>
    public TimeSpan InstallationCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when a token encryption key is set (the single key, or keys by id).</summary>
    public bool HasTokenKeys => SecretCheck.IsSet(TokenEncryptionKey) || TokenEncryptionKeys.Values.Any(SecretCheck.IsSet);

    /// <summary>True when the bot answers in one workspace with its own bot token.</summary>
    public bool SingleWorkspace => SecretCheck.IsSet(SigningSecret) && SecretCheck.IsSet(BotToken);

    /// <summary>True when everything the multi-workspace (OAuth) install needs is set.</summary>
    public bool MultiWorkspace => SecretCheck.IsSet(SigningSecret) && SecretCheck.IsSet(ClientId)
        && SecretCheck.IsSet(ClientSecret) && HasTokenKeys;

    /// <summary>True when Slack is configured, so its endpoints are mapped.</summary>
    public bool Enabled => DisabledReason is null;

    /// <summary>Why Slack is off (its endpoints answer 404), or null when it is on.</summary>
    public string? DisabledReason =>
        !SecretCheck.IsSet(SigningSecret) ? "no Slack:SigningSecret is set"
        : SingleWorkspace || MultiWorkspace ? null
        : "Slack:SigningSecret is set but neither Slack:BotToken (one workspace) nor Slack:ClientId, Slack:ClientSecret and Slack:TokenEncryptionKey (many workspaces) are";
}
