using System.Net;
using Azure.Data.Tables;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Slack.Tests.EndToEnd.SlackWorkspaces;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>A workspace that uninstalls the app goes quiet, keeps its data, and wakes when installed again.</summary>
public sealed class SlackDormancyTests
{
    [Fact]
    public async Task AppUninstalled_NoMoreRemindersToThatWorkspace_ReinstallWakesItWithItsData()
    {
        // Mon 10 Mar 2025, 10am London.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero));
        await using var host = await SlackBotHost.StartAsync(OAuth, clock, reminders: true);
        host.Slack.OAuthCodes["code-a"] = Granted("T1", "Ashby Parish", "xoxb-1-aaaa", "UBOTA");
        host.Slack.OAuthCodes["code-b"] = Granted("T2", "Barford Town", "xoxb-2-bbbb", "UBOTB");
        host.Slack.OAuthCodes["code-a-again"] = Granted("T1", "Ashby Parish", "xoxb-1-cccc", "UBOTA");
        await InstallAsync(host, "code-a");
        await InstallAsync(host, "code-b");
        var openedA = await StartPlanAsync(host, "T1", "C1", "U1", "Ashby");
        var openedB = await StartPlanAsync(host, "T2", "C2", "U7", "Barford");
        await SayAsync(host, "T1", "UBOTA", "C1", "U1", "action <@U1> book the village hall by Friday");
        await SayAsync(host, "T2", "UBOTB", "C2", "U7", "action <@U7> print the survey by Friday");
        var dispatcher = host.Services.GetRequiredService<ReminderDispatcher>();
        var group = SlackGroup("T1", "C1");

        var uninstalled = await host.PostEventAsync(Uninstalled("T1", "EvGone1"));
        var again = await host.PostEventAsync(Uninstalled("T1", "EvGone1"));
        var dormantRow = await DormantRowAsync(host, group);
        var sentBefore = SentTo(host, "U1", "C1");

        // Thu 13 Mar, 9:01am: the day-before reminders fall due. Only Barford's owner hears.
        clock.Advance(new DateTimeOffset(2025, 3, 13, 9, 1, 0, TimeSpan.Zero) - clock.GetUtcNow());
        var quiet = await dispatcher.RunOnceAsync();

        Assert.Equal("Bearer xoxb-1-aaaa", openedA.Authorization);
        Assert.Equal("Bearer xoxb-2-bbbb", openedB.Authorization);
        Assert.Equal(HttpStatusCode.OK, uninstalled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["T2"], (await SlackMultiWorkspaceTests.InstallRowsAsync(host)).Select(r => r.RowKey));
        Assert.NotNull(dormantRow);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero), dormantRow!.GetDateTimeOffset("Since"));
        Assert.Equal(1, quiet);
        Assert.Equal(1, host.Logs.Count(1752)); // skipped because the group is dormant, not for want of a token
        var reminded = await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "DU7");
        Assert.Equal("Bearer xoxb-2-bbbb", reminded.Authorization);
        Assert.Equal(sentBefore, SentTo(host, "U1", "C1"));

        // Installed again: the group wakes with its action, and the overdue reminder goes out with the new token.
        var reinstalled = await InstallAsync(host, "code-a-again");
        var state = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(group);
        var rowAfterWake = await DormantRowAsync(host, group);
        clock.Advance(new DateTimeOffset(2025, 3, 15, 9, 1, 0, TimeSpan.Zero) - clock.GetUtcNow());
        await dispatcher.RunOnceAsync();
        var overdue = await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "DU1");

        Assert.Equal(HttpStatusCode.OK, reinstalled.StatusCode);
        Assert.Contains("are as you left them", await reinstalled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Dormancy.IsDormant(state));
        Assert.Contains("book the village hall", Assert.Single(state.OfType<ActionItem>()).Title, StringComparison.Ordinal);
        Assert.Null(rowAfterWake);
        Assert.Equal("Bearer xoxb-1-cccc", overdue.Authorization);
    }

    [Fact]
    public async Task TokensRevoked_RemovesTheInstallationOnlyWhenTheBotsTokenIsListed()
    {
        await using var host = await SlackBotHost.StartAsync(OAuth);
        host.Slack.OAuthCodes["code-a"] = Granted("T1", "Ashby Parish", "xoxb-1-aaaa", "UBOTA");
        await InstallAsync(host, "code-a");
        await SayAsync(host, "T1", "UBOTA", "C1", "U1", "help");
        var group = SlackGroup("T1", "C1");

        var others = await host.PostEventAsync(TokensRevoked("T1", "EvRev1", "U0ADMIN"));
        var rowsAfterOthers = await SlackMultiWorkspaceTests.InstallRowsAsync(host);
        var stillAwake = await DormantRowAsync(host, group);
        var ours = await host.PostEventAsync(TokensRevoked("T1", "EvRev2", "UBOTA"));

        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Single(rowsAfterOthers);
        Assert.Null(stillAwake);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Empty(await SlackMultiWorkspaceTests.InstallRowsAsync(host));
        Assert.NotNull(await DormantRowAsync(host, group));
        var state = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(group);
        Assert.True(Dormancy.IsDormant(state));
    }

    private static string SlackGroup(string team, string channel) => new Conversations.Turns.ConversationKey("slack", team, channel).GroupId;

    // Says something in a channel and waits for the reply and then for a second one, so everything the first
    // turn wrote after its save (index rows) is done: a channel's work runs in order.
    private static async Task SayAsync(SlackBotHost host, string team, string bot, string channel, string user, string text)
    {
        foreach (var said in new[] { text, "help" })
        {
            var earlier = host.Slack.Calls("chat.postMessage").Concat(host.Slack.Calls("chat.postEphemeral")).ToList();
            await host.PostEventAsync(Mention(team, bot, channel, said, "Ev" + Guid.NewGuid().ToString("N"), user));
            await host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == channel && !earlier.Contains(c));
        }
    }

    private static int SentTo(SlackBotHost host, string user, string channel) =>
        host.Slack.Calls("chat.postMessage").Count(c => c.Body["channel"]?.GetValue<string>() is { } to && (to == channel || to == "D" + user))
        + host.Slack.Calls("conversations.open").Count(c => c.Body["users"]?.GetValue<string>() == user);

    private static async Task<TableEntity?> DormantRowAsync(SlackBotHost host, string groupId)
    {
        try
        {
            var row = await new TableClient(Azurite.ConnectionString, host.Prefix + "dormantgroups").GetEntityIfExistsAsync<TableEntity>("dormant", KeyCodec.Encode(groupId));
            return row.HasValue ? row.Value : null;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
