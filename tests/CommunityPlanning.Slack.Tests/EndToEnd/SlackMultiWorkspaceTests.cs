using System.Net;
using System.Text;
using Azure.Data.Tables;
using CommunityPlanning.Slack.Install;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Slack.Tests.EndToEnd.SlackWorkspaces;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>The "Add to Slack" install through the real host, with two workspaces on one bot.</summary>
public sealed class SlackMultiWorkspaceTests
{
    [Fact]
    public async Task OAuthInstall_TwoWorkspaces_EachGetsRepliesWithItsOwnToken()
    {
        await using var host = await SlackBotHost.StartAsync(OAuth);
        host.Slack.OAuthCodes["code-a"] = Granted("T1", "Ashby Parish", "xoxb-1-aaaa", "UBOTA");
        host.Slack.OAuthCodes["code-b"] = Granted("T2", "Barford <Town>", "xoxb-2-bbbb", "UBOTB", enterprise: "E1");

        var installedA = await InstallAsync(host, "code-a");
        var installedB = await InstallAsync(host, "code-b");
        await host.PostEventAsync(Mention("T1", "UBOTA", "C1", "help", "EvA1", "U1"));
        await host.PostEventAsync(Mention("T2", "UBOTB", "C2", "help", "EvB1", "U7"));
        var replyA = await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "C1");
        var replyB = await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "C2");

        Assert.Equal(HttpStatusCode.OK, installedA.StatusCode);
        Assert.Contains("PlanBot has been added to <strong>Ashby Parish</strong>", await installedA.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Barford &lt;Town&gt;", await installedB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exchange = host.Slack.Calls("oauth.v2.access")[0];
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret)), exchange.Authorization);
        Assert.EndsWith("/api/slack/oauth/callback", exchange.Body["redirect_uri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bearer xoxb-1-aaaa", replyA.Authorization);
        Assert.Equal("Bearer xoxb-2-bbbb", replyB.Authorization);
        Assert.Contains("help", replyA.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Never the other workspace's token: every call about a channel or person of one workspace used its own.
        var calls = new[] { "chat.postMessage", "chat.postEphemeral", "users.info" }.SelectMany(host.Slack.Calls).ToList();
        Assert.All(calls.Where(c => c.Body["channel"]?.GetValue<string>() == "C1" || c.Body["user"]?.GetValue<string>() == "U1"), c => Assert.Equal("Bearer xoxb-1-aaaa", c.Authorization));
        Assert.All(calls.Where(c => c.Body["channel"]?.GetValue<string>() == "C2" || c.Body["user"]?.GetValue<string>() == "U7"), c => Assert.Equal("Bearer xoxb-2-bbbb", c.Authorization));

        // At rest the tokens are sealed, with the key id beside them.
        var rows = await InstallRowsAsync(host);
        Assert.Equal(["team|T1", "team|T2"], rows.Select(r => r.PartitionKey + "|" + r.RowKey).Order());
        Assert.All(rows, r => Assert.DoesNotContain("xoxb", r.GetString("SealedToken"), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("default", r.GetString("KeyId")));
        Assert.Equal("E1", rows.Single(r => r.RowKey == "T2").GetString("EnterpriseId"));
    }

    [Fact]
    public async Task OAuthCallback_ForgedForeignOrExpiredState_Returns400AndStoresNothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
        await using var host = await SlackBotHost.StartAsync(OAuth, clock);
        host.Slack.OAuthCodes["code-a"] = Granted("T1", "Ashby Parish", "xoxb-1-aaaa", "UBOTA");
        var (state, link) = await StartInstallAsync(host);
        var foreign = new SlackOAuthState(Options.Create(new SlackOptions { ClientSecret = "another-apps-secret-0123456789abcdef" }), clock).Create();
        var forged = state[..^2] + (state.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        var forgedAnswer = await CallbackAsync(host, "code-a", forged);
        var foreignAnswer = await CallbackAsync(host, "code-a", foreign);
        var missing = await host.Client.GetAsync("/api/slack/oauth/callback?code=code-a");
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await CallbackAsync(host, "code-a", state);

        Assert.Contains("client_id=" + ClientId, link.Query, StringComparison.Ordinal);
        Assert.Contains("scope=app_mentions%3Aread", link.Query, StringComparison.Ordinal);
        Assert.All([forgedAnswer, foreignAnswer, missing, expired], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("Nothing was added", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Slack.Calls("oauth.v2.access"));
        Assert.Empty(await InstallRowsAsync(host));
    }

    [Fact]
    public async Task OAuthCallback_TokenExchangeFails_ShowsAClearPageAndStoresNothing()
    {
        await using var host = await SlackBotHost.StartAsync(OAuth);
        host.Slack.OAuthCodes["code-user-token"] = Granted("T1", "Ashby Parish", "xoxp-not-a-bot-token", "UBOTA");

        var refused = await InstallAsync(host, "code-nobody-issued");
        var wrongKind = await InstallAsync(host, "code-user-token");

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, wrongKind.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("because Slack didn't confirm it", page, StringComparison.Ordinal);
        Assert.Contains("install page", page, StringComparison.Ordinal);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        Assert.Empty(await InstallRowsAsync(host));
    }

    [Fact]
    public async Task Events_WorkspaceNotInstalled_NothingIsSentWithAnotherWorkspacesToken()
    {
        await using var host = await SlackBotHost.StartAsync(OAuth);
        host.Slack.OAuthCodes["code-a"] = Granted("T1", "Ashby Parish", "xoxb-1-aaaa", "UBOTA");
        await InstallAsync(host, "code-a");

        await host.PostEventAsync(Mention("T9", "UBOTZ", "C9", "help", "EvZ1", "U9"));
        await host.PostEventAsync(Mention("T1", "UBOTA", "C1", "help", "EvA2", "U1"));
        await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "C1");

        Assert.DoesNotContain(host.Slack.Calls("chat.postMessage").Concat(host.Slack.Calls("users.info")), c => c.Authorization != "Bearer xoxb-1-aaaa");
        Assert.DoesNotContain(host.Slack.Calls("chat.postMessage"), c => c.Body["channel"]?.GetValue<string>() == "C9");
    }

    internal static async Task<List<TableEntity>> InstallRowsAsync(SlackBotHost host)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in new TableClient(Azurite.ConnectionString, host.Prefix + "slackinstalls").QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet: nothing stored.
        }

        return rows;
    }
}
