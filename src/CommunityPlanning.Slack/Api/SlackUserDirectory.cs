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
    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Expires)> _names = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = options.Value.UserNameCacheDuration;

    public async ValueTask<string> NameAsync(SlackWorkspace workspace, string userId, string? fallback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var now = clock.GetUtcNow();

        // Names are kept per workspace: the same id in another workspace is asked with that workspace's token.
        var key = workspace.TeamId + "|" + userId;
        if (_names.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Name;
        }

        string? name = null;
        try
        {
            name = NameOf(await api.GetUserAsync(workspace, userId, cancellationToken).ConfigureAwait(false));
        }
        catch (SlackApiException ex)
        {
            LogLookupFailed(logger, ex.Error);
        }
        catch (HttpRequestException ex)
        {
            LogLookupFailed(logger, ex.Message);
        }

        if (name is null)
        {
            return string.IsNullOrWhiteSpace(fallback) ? userId : fallback;
        }

        if (_names.Count >= MaxEntries)
        {
            _names.Clear();
        }

        _names[key] = (name, now + _lifetime);
        return name;
    }

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
