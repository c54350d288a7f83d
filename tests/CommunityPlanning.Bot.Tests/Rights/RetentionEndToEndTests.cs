using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Storage.Dormancy;
using CommunityPlanning.Storage.Rights;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Rights.RightsFlow;

namespace CommunityPlanning.Bot.Tests.Rights;

/// <summary>The retention sweep through the real host: old redelivery markers, and groups dormant for a year.</summary>
public sealed class RetentionEndToEndTests : ConnectorTest
{
    private readonly string _a = "conv-a-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _b = "conv-b-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task SweepSeen_MarkersOlderThan30Days_DeletedAndEverythingElseKept()
    {
        using var host = NewHost();
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, new Activities(Connector.ServiceUrl, _a), Connector);
        var plans = new TableClient(Azurite.ConnectionString, host.TablePrefix + "plans");

        // Turns mark themselves on the group's version row; seen rows come from saves that cannot guard that row
        // (a background job's, a retry's after a conflict) and from before the marks.
        Assert.Empty(Seen(plans));
        var store = host.Services.GetRequiredService<IGroupStore>();
        for (var i = 0; i < 2; i++)
        {
            var state = await store.LoadAsync(GroupOf(_a));
            Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(state, $"job-{i}"));
        }

        var seen = Seen(plans);
        Assert.Equal(2, seen.Count);
        var sweeper = host.Services.GetRequiredService<RetentionSweeper>();

        // Storage stamps rows with its own time: 29 days after it, nothing goes; 31 days after, the markers go.
        var written = seen.Max(r => r.Timestamp!.Value);
        host.Clock.SetUtcNow(written + TimeSpan.FromDays(29));
        Assert.Equal(0, await sweeper.SweepSeenAsync());
        host.Clock.SetUtcNow(written + TimeSpan.FromDays(31));
        Assert.Equal(seen.Count, await sweeper.SweepSeenAsync());

        Assert.Empty(Seen(plans));
        Assert.Contains(plans.Query<TableEntity>(), r => r.RowKey == "plan");
    }

    [Fact]
    public async Task SweepDormant_GroupDormantPastTheSetting_DeletedEverywhere_YoungerOneKept()
    {
        using var host = NewHost();
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, new Activities(Connector.ServiceUrl, _a), Connector);
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, new Activities(Connector.ServiceUrl, _b), Connector);
        var dormant = new TableClient(Azurite.ConnectionString, host.TablePrefix + DormantGroupsTable.TableName);
        await dormant.AddEntityAsync(new TableEntity(DormantGroupsTable.Partition, GroupOf(_a)) { ["Since"] = host.Clock.GetUtcNow() - TimeSpan.FromDays(366) });
        await dormant.AddEntityAsync(new TableEntity(DormantGroupsTable.Partition, GroupOf(_b)) { ["Since"] = host.Clock.GetUtcNow() - TimeSpan.FromDays(200) });

        Assert.Equal(1, await host.Services.GetRequiredService<RetentionSweeper>().SweepDormantAsync());

        var rows = await AllRowsAsync(host.TablePrefix);
        Assert.DoesNotContain(rows, r => TextOf(r.Row).Contains(GroupOf(_a), StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Table == "plans" && r.Row.PartitionKey == GroupOf(_b) && r.Row.RowKey == "plan");
        Assert.Contains(rows, r => r.Table == DormantGroupsTable.TableName && r.Row.RowKey == GroupOf(_b));
    }

    [Fact]
    public async Task SweepDormant_ClaimedByAnotherInstance_LeftAlone()
    {
        using var host = NewHost();
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, new Activities(Connector.ServiceUrl, _a), Connector);
        var dormant = new TableClient(Azurite.ConnectionString, host.TablePrefix + DormantGroupsTable.TableName);
        await dormant.AddEntityAsync(new TableEntity(DormantGroupsTable.Partition, GroupOf(_a))
        {
            ["Since"] = host.Clock.GetUtcNow() - TimeSpan.FromDays(400),
            ["ClaimedBy"] = "other-instance",
            ["ClaimedUntil"] = host.Clock.GetUtcNow() + TimeSpan.FromMinutes(5),
        });
        var sweeper = host.Services.GetRequiredService<RetentionSweeper>();

        Assert.Equal(0, await sweeper.SweepDormantAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await sweeper.SweepDormantAsync());
    }

    private static List<TableEntity> Seen(TableClient plans) =>
        plans.Query<TableEntity>(r => r.RowKey.CompareTo("seen|") >= 0 && r.RowKey.CompareTo("seen}") < 0).ToList();

    private static FakeClockHost NewHost() => new(
        new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero)),
        s => s.Configure<RetentionOptions>(o => o.JobInterval = TimeSpan.FromDays(7)));
}
