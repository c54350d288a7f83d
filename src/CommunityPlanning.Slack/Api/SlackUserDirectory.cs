using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Api;

/// <summary>
/// Display names from users.info, kept in memory for a while. A cache only: when Slack cannot be
/// asked, the name the request carried (or the user id) is used instead.
/// </summary>
internal sealed partial class SlackUserDirectory(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackUserDirectory> logger)
{
    private const int MaxEntries = 5000;
    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset Expires)> _users = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = options.Value.UserNameCacheDuration;

    public async ValueTask<string> NameAsync(SlackWorkspace workspace, string userId, string? fallback, CancellationToken cancellationToken = default) =>
        (await UserAsync(workspace, userId, cancellationToken).ConfigureAwait(false))?.Name
        ?? (string.IsNullOrWhiteSpace(fallback) ? userId : fallback);

    /// <summary>The person's name and kind from users.info (cached), or null when Slack cannot say.</summary>
    public async ValueTask<SlackUser?> UserAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var now = clock.GetUtcNow();

        // People are kept per workspace: the same id in another workspace is asked with that workspace's token.
        var key = workspace.TeamId + "|" + userId;
        if (_users.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.User;
        }

        JsonObject? found = null;
        try
        {
            found = await api.GetUserAsync(workspace, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogLookupFailed(logger, ex.Error);
        }
        catch (HttpRequestException ex)
        {
            LogLookupFailed(logger, ex.Message);
        }

        if (NameOf(found) is not { } name)
        {
            return null;
        }

        var user = new SlackUser(name, IsTrue(found!["is_restricted"]) || IsTrue(found["is_ultra_restricted"]), IsTrue(found["is_bot"]) || IsTrue(found["deleted"]));
        if (_users.Count >= MaxEntries)
        {
            _users.Clear();
        }

        _users[key] = (user, now + _lifetime);
        return user;
    }

    private static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    private static string? NameOf(JsonObject? user)
    {
        if (user is null)
        {
            return null;
        }

        var profile = user["profile"] as JsonObject;
        return FirstText(profile?["display_name"], profile?["real_name"], user["real_name"], user["name"]);
    }

    private static string? FirstText(params JsonNode?[] nodes) =>
        nodes.Where(n => n?.GetValueKind() == JsonValueKind.String)
            .Select(n => n!.GetValue<string>().Trim())
            .FirstOrDefault(s => s.Length > 0);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Could not look up a Slack user's name: {Error}")]
    private static partial void LogLookupFailed(ILogger logger, string error);
}

/// <summary>What users.info says about a person, as far as the bot needs it.</summary>
/// <param name="Name">The name to show.</param>
/// <param name="Guest">A multi- or single-channel guest.</param>
/// <param name="NotAPerson">A bot, an app or a deactivated account.</param>
internal sealed record SlackUser(string Name, bool Guest, bool NotAPerson);
