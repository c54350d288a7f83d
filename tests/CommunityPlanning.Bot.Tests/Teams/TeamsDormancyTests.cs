using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Conversations.Dormancy;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Meetings.MeetingFlow;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>The bot uninstalled from a Teams conversation: the group goes quiet, keeps its data, and wakes when added back.</summary>
public sealed class TeamsDormancyTests : ConnectorTest
{
    private static readonly string GroupId = new ConversationKey("emulator", "tenant-1", "conv-1").GroupId;

    [Fact]
    public async Task InstallationUpdateRemove_MeetingLeftOpenClosesWithoutAPost_AddWakesTheGroupWithItsData()
    {
        // Fri 14 Mar 2025, 7pm London.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero));
        using var host = new FakeClockHost(clock);
        await StartPlanAsync(host.PostActivityAsync, Activities, Connector);
        await host.PostActivityAsync(Activities.Message("meeting start", "u-ann", "Ann"));
        Assert.Contains("Meeting in progress", (await Connector.NextAsync()).AllText(), StringComparison.Ordinal);

        var removed = await host.PostActivityAsync(Installation("remove"));
        var dormant = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(GroupId);
        var row = await DormantRowAsync(host.TablePrefix);

        // Six hours on, the meeting is closed automatically, but nothing is posted to a dormant group.
        clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(5));
        await host.Services.GetRequiredService<MeetingAutoCloser>().RunOnceAsync();
        var added = await host.PostActivityAsync(Installation("add"));
        var welcomeBack = await Connector.NextAsync();
        var awake = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(GroupId);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.True(Dormancy.IsDormant(dormant));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero), row?.GetDateTimeOffset("Since"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.DoesNotContain("Nobody ended the meeting", welcomeBack.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Delivered("conv-1"), c => c.AllText().Contains("Nobody ended the meeting", StringComparison.Ordinal));
        Assert.False(Dormancy.IsDormant(awake));
        Assert.Null(await DormantRowAsync(host.TablePrefix));
        Assert.Equal("Little Wittering", awake.Find<PlanRecord>(PlanRecord.Kind)?.CommunityName);
        Assert.Single(awake.OfType<MinutesRecord>());
    }

    [Fact]
    public async Task ConversationUpdate_BotInMembersRemoved_MakesTheGroupDormant()
    {
        using var host = new BotHost();
        await StartPlanAsync(host.PostActivityAsync, Activities, Connector);
        var update = Activities.Base("conversationUpdate", null, "u-ann", "Ann", null);
        update["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "bot-1", ["name"] = "PlanBot" });

        var response = await host.PostActivityAsync(update);
        var state = await host.Services.GetRequiredService<IGroupStore>().LoadAsync(GroupId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Dormancy.IsDormant(state));
        Assert.Equal("bot-removed", state.Find<DormantRecord>(DormantRecord.Kind)!.Reason);
    }

    private JsonObject Installation(string action)
    {
        var activity = Activities.Base("installationUpdate", null, "u-ann", "Ann", null);
        activity["action"] = action;
        return activity;
    }

    private static async Task<TableEntity?> DormantRowAsync(string prefix)
    {
        try
        {
            var row = await new TableClient(Azurite.ConnectionString, prefix + "dormantgroups").GetEntityIfExistsAsync<TableEntity>("dormant", KeyCodec.Encode(GroupId));
            return row.HasValue ? row.Value : null;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
