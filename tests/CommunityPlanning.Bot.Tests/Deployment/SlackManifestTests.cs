namespace CommunityPlanning.Bot.Tests.Deployment;

/// <summary>
/// Checks manifest/slack/manifest.yml by its lines (no YAML parser in the solution): the events, command,
/// URLs and scopes the Slack adapter relies on.
/// </summary>
public sealed class SlackManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryPaths.Combine("manifest", "slack", "manifest.yml"))
        .Select(line => line.Trim())
        .ToArray();

    [Theory]
    [InlineData("display_name: PlanBot")]
    [InlineData("always_online: true")]
    [InlineData("- command: /plan")]
    [InlineData("url: https://YOUR-HOST/api/slack/commands")]
    [InlineData("request_url: https://YOUR-HOST/api/slack/events")]
    [InlineData("request_url: https://YOUR-HOST/api/slack/interactions")]
    [InlineData("- app_mention")]
    [InlineData("- message.im")]
    [InlineData("- app_uninstalled")]
    [InlineData("- tokens_revoked")]
    [InlineData("- https://YOUR-HOST/api/slack/oauth/callback")]
    [InlineData("- member_joined_channel")]
    [InlineData("- member_left_channel")]
    [InlineData("- message.channels")]
    [InlineData("- message.groups")]
    [InlineData("name: PlanBot")]
    [InlineData("is_enabled: true")]
    [InlineData("socket_mode_enabled: false")]
    public void SlackManifest_Line_IsPresent(string line)
    {
        Assert.Contains(line, Lines);
    }

    [Fact]
    public void SlackManifest_MessageShortcut_HasTheCallbackIdTheBotReads()
    {
        var at = Array.IndexOf(Lines, "shortcuts:");
        Assert.True(at >= 0, "no shortcuts in the manifest");
        var shortcut = Lines.Skip(at + 1).Take(4).ToArray();
        Assert.Contains("type: message", shortcut);
        Assert.Contains("callback_id: " + CommunityPlanning.Slack.Inbound.SlackShortcutMessage.CallbackId, shortcut);
    }

    [Theory]
    [InlineData("my actions")]
    [InlineData("my data")]
    [InlineData("forget me")]
    [InlineData("export our plan")]
    [InlineData("delete our plan")]
    public void SlackManifest_CommandUsageHint_ListsCommand(string command)
    {
        var hint = Assert.Single(Lines, line => line.StartsWith("usage_hint:", StringComparison.Ordinal));
        Assert.Contains(command, hint.Split('|', '"').Select(part => part.Trim()));
    }

    [Fact]
    public void SlackManifest_BotScopes_AreExactlyWhatTheBotUses()
    {
        var start = Array.IndexOf(Lines, "bot:");
        Assert.True(start >= 0, "No oauth_config.scopes.bot list.");
        var scopes = Lines.Skip(start + 1).TakeWhile(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[2..]);

        Assert.Equal(["app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "groups:history", "groups:read", "im:history", "im:write", "users:read"], scopes.Order());
    }

    [Fact]
    public void SlackManifest_BotScopes_AreWhatTheAddToSlackInstallAsksFor()
    {
        var start = Array.IndexOf(Lines, "bot:");
        var scopes = Lines.Skip(start + 1).TakeWhile(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[2..]);

        Assert.Equal(scopes.Order(), new Slack.SlackOptions().InstallScopes.Split(',').Order());
    }
}
