using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// The multi-workspace (OAuth) setup for end-to-end tests: the settings, the workspaces the fake Slack API knows,
/// the "Add to Slack" round trip, and events shaped as each workspace sends them.
/// </summary>
public static partial class SlackWorkspaces
{
    public const string ClientId = "1234567890.0987654321";
    public const string ClientSecret = "0123456789abcdef0123456789abcdef";

    /// <summary>A test-only 256-bit key (base64 of 32 bytes).</summary>
    public const string EncryptionKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <summary>The settings of the multi-workspace install (no single bot token).</summary>
    public static void OAuth(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Slack:BotToken"] = null;
        settings["Slack:ClientId"] = ClientId;
        settings["Slack:ClientSecret"] = ClientSecret;
        settings["Slack:TokenEncryptionKey"] = EncryptionKey;
    }

    /// <summary>What oauth.v2.access answers for a workspace install (Slack's documented shape).</summary>
    public static JsonObject Granted(string team, string teamName, string token, string botUserId, string? enterprise = null) => new()
    {
        ["ok"] = true,
        ["access_token"] = token,
        ["token_type"] = "bot",
        ["scope"] = "app_mentions:read,chat:write,commands,im:history,im:write,users:read",
        ["bot_user_id"] = botUserId,
        ["app_id"] = "A0KRD7HC3",
        ["team"] = new JsonObject { ["name"] = teamName, ["id"] = team },
        ["enterprise"] = enterprise is null ? null : new JsonObject { ["name"] = "Shire Councils", ["id"] = enterprise },
        ["authed_user"] = new JsonObject { ["id"] = "U0ADMIN" },
        ["is_enterprise_install"] = false,
    };

    /// <summary>Opens the install page and returns the state its "Add to Slack" link carries (and the link).</summary>
    public static async Task<(string State, Uri Link)> StartInstallAsync(SlackBotHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var page = await host.Client.GetAsync("/api/slack/install");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var href = WebUtility.HtmlDecode(AddToSlack().Match(await page.Content.ReadAsStringAsync()).Groups["href"].Value);
        var link = new Uri(href);
        var state = QueryHelpers.ParseQuery(link.Query)["state"].ToString();
        return (state, link);
    }

    /// <summary>Runs the whole install: the page, then Slack's redirect back with the code.</summary>
    public static async Task<HttpResponseMessage> InstallAsync(SlackBotHost host, string code)
    {
        var (state, _) = await StartInstallAsync(host);
        return await CallbackAsync(host, code, state);
    }

    public static Task<HttpResponseMessage> CallbackAsync(SlackBotHost host, string code, string state)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Client.GetAsync($"/api/slack/oauth/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    /// <summary>
    /// Starts a group's plan in a channel of the given workspace as a person would: <c>/plan start</c>, then the
    /// modal. Returns the views.open call (made with the workspace's token).
    /// </summary>
    public static async Task<RecordedCall> StartPlanAsync(SlackBotHost host, string team, string channel, string user, string community)
    {
        ArgumentNullException.ThrowIfNull(host);
        var command = Payloads.Command(channel, "start", user);
        command["team_id"] = team;
        await host.PostCommandAsync(command);
        var open = await host.Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == command["trigger_id"]);
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue(community),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };
        var submission = Payloads.ViewSubmission(open.Body["view"]!.AsObject(), values, user);
        submission["team"]!["id"] = team;
        submission["user"]!["team_id"] = team;
        await host.PostInteractionAsync(submission);
        await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == channel && c.Body.ToJsonString().Contains("plan has started", StringComparison.Ordinal));
        return open;
    }

    /// <summary>A mention of the bot in a channel of the given workspace.</summary>
    public static JsonObject Mention(string team, string botUserId, string channel, string text, string eventId, string user)
    {
        var payload = Payloads.Mention(channel, text, eventId, user);
        payload["team_id"] = team;
        payload["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = botUserId, ["is_bot"] = true, ["is_enterprise_install"] = false });
        payload["event"]!["text"] = $"<@{botUserId}> {text}";
        return payload;
    }

    /// <summary>Slack's app_uninstalled event for a workspace.</summary>
    public static JsonObject Uninstalled(string team, string eventId) => new()
    {
        ["token"] = "legacy-token",
        ["team_id"] = team,
        ["api_app_id"] = "A0KRD7HC3",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = SlackBotHost.Now,
        ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
    };

    /// <summary>Slack's tokens_revoked event listing the user ids whose bot tokens were revoked.</summary>
    public static JsonObject TokensRevoked(string team, string eventId, params string[] botUserIds) => new()
    {
        ["token"] = "legacy-token",
        ["team_id"] = team,
        ["api_app_id"] = "A0KRD7HC3",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = SlackBotHost.Now,
        ["event"] = new JsonObject
        {
            ["type"] = "tokens_revoked",
            ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0ADMIN"), ["bot"] = new JsonArray([.. botUserIds.Select(id => (JsonNode)id)]) },
        },
    };

    [GeneratedRegex("href=\"(?<href>https://slack\\.com/oauth/v2/authorize[^\"]*)\"")]
    private static partial Regex AddToSlack();
}
