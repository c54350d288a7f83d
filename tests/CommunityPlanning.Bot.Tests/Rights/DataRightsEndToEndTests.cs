using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Bot.Tests.Meetings;
using CommunityPlanning.Conversations.Rights;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Storage;
using CommunityPlanning.Storage.Rights;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunityPlanning.Bot.Tests.Rights.RightsFlow;

namespace CommunityPlanning.Bot.Tests.Rights;

/// <summary>
/// Data rights through the real host (Kestrel, Azurite, a fake Connector, a fake clock): Bob is in two groups, owns
/// an action, spoke in a meeting; then he asks for his data, asks to be forgotten; the chair exports and deletes.
/// </summary>
public sealed class DataRightsEndToEndTests : ConnectorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 19, 0, 0, TimeSpan.Zero);

    private readonly string _a = "conv-a-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _b = "conv-b-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ForgetMe_MemberOfTwoGroups_NoRowHoldsTheirIdsKeysOrName_MinutesReadSensibly()
    {
        using var host = NewHost();
        await TwoGroupsWithBobAsync(host);

        await ForgetBobAsync(host);
        Assert.Equal(1, await Runner(host).RunOnceAsync());

        var told = await UntilAsync(Connector, "no owner now");
        Assert.Contains("book the village hall", told, StringComparison.Ordinal);
        await AssertBobGoneAsync(host);
        var minutes = (await AllRowsAsync(host.TablePrefix)).Single(r => r.Row.GetString("Kind") == "minutes");
        var text = TextOf(minutes.Row);
        Assert.Contains("a former member proposes the summer fete", text, StringComparison.Ordinal);
        Assert.Contains("Ann", text, StringComparison.Ordinal);

        // Suppressed until he speaks again; speaking makes him a member again and lifts it.
        var suppression = host.Services.GetRequiredService<ISuppressionList>();
        Assert.True(await suppression.IsSuppressedAsync(Channel, Tenant, BobId));
        Assert.True(await suppression.IsSuppressedAsync(Channel, Tenant, BobDirectoryId));
        await PostAsync(host, FromBob(new Activities(Connector.ServiceUrl, _b), "help"));
        Assert.False(await suppression.IsSuppressedAsync(Channel, Tenant, BobId));
    }

    [Fact]
    public async Task ForgetMe_JobStopsMidway_FinishedOnTheNextRunAfterTheClaimEnds()
    {
        var flaky = new StopsOnceHolder();
        using var host = NewHost(services => services.AddSingleton<IDataHolder>(flaky));
        await TwoGroupsWithBobAsync(host);
        await ForgetBobAsync(host);

        Assert.Equal(0, await Runner(host).RunOnceAsync());
        Assert.True(flaky.Stopped);
        Assert.Single(await host.Services.GetRequiredService<RightsJobs>().ListAsync());
        Assert.Equal(0, await Runner(host).RunOnceAsync());

        host.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await Runner(host).RunOnceAsync());
        Assert.Empty(await host.Services.GetRequiredService<RightsJobs>().ListAsync());
        await AssertBobGoneAsync(host);
    }

    [Fact]
    public async Task DeleteOurPlan_ChairConfirmsWithTheName_PartitionAndIndexRowsGone_MyActionsEmpty()
    {
        using var host = NewHost();
        await TwoGroupsWithBobAsync(host);
        var a = new Activities(Connector.ServiceUrl, _a);
        await PostAsync(host, FromBob(a, "delete our plan"));
        Assert.Contains("Only the chair", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, a.Message("delete our plan", "u-ann", "Ann"));
        Assert.Contains("type: delete our plan Little Wittering", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, a.Message("delete our plan Great Wittering", "u-ann", "Ann"));
        Assert.Contains("deleted nothing", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, a.Message("delete our plan little wittering", "u-ann", "Ann"));
        Assert.Contains("Deleting Little Wittering's plan now", await NextTextsAsync(Connector), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Runner(host).RunOnceAsync());

        Assert.Contains("plan is deleted", await UntilAsync(Connector, "deleted"), StringComparison.Ordinal);
        var group = GroupOf(_a);
        var left = (await AllRowsAsync(host.TablePrefix)).Where(r => TextOf(r.Row).Contains(group, StringComparison.Ordinal)).Select(r => $"{r.Table}: {r.Row.RowKey}").ToList();
        Assert.Empty(left);
        Assert.Empty(await host.Services.GetRequiredService<IAssigneeIndex>().ForOwnerAsync(AssigneeKeys.For(Channel, Tenant, BobId)));
        await PostAsync(host, FromBob(new Activities(Connector.ServiceUrl, _b), "my actions"));
        Assert.Contains("You have no open actions", await NextTextsAsync(Connector), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyDataAndExport_LinksFromButtons_FilesParseBackWithWhatTheGroupsHold()
    {
        using var host = NewHost();
        await TwoGroupsWithBobAsync(host);
        var a = new Activities(Connector.ServiceUrl, _a);

        await PostAsync(host, FromBob(a, "my data"));
        Assert.Contains("Get my data", await NextTextsAsync(Connector), StringComparison.Ordinal);
        var press = a.Invoke(DataRightsCommand.MyDataVerb, new JsonObject { ["g"] = GroupOf(_a) }, userId: BobId, userName: "Bob");
        var myLink = LinkIn(await InlineTextAsync(host, press), "/rights/mydata/");
        var mine = JsonNode.Parse(await host.Client.GetStringAsync(myLink.PathAndQuery))!;
        Assert.Equal("Bob", (string?)mine["person"]!["name"]);
        var groups = mine["held"]!["groups"]!.AsArray();
        Assert.Equal(2, groups.Count);
        var inA = groups.Single(g => (string?)g!["groupId"] == GroupOf(_a))!;
        Assert.Equal("Little Wittering", (string?)inA["community"]);
        var keys = inA["records"]!.AsArray().Select(r => (string?)r!["key"]).ToList();
        Assert.Contains("member|" + BobId, keys);
        Assert.Contains(inA["records"]!.AsArray(), r => (string?)r!["record"]!["title"] == "book the village hall");
        Assert.Single(mine["held"]!["actionsAssignedToYou"]!.AsArray());

        await PostAsync(host, FromBob(a, "export our plan"));
        Assert.Contains("Only the chair, vice-chair, secretary or treasurer", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, a.Message("export our plan", "u-ann", "Ann"));
        Assert.Contains("Get the export", await NextTextsAsync(Connector), StringComparison.Ordinal);
        var exportPress = a.Invoke(DataRightsCommand.ExportVerb, new JsonObject { ["g"] = GroupOf(_a) }, userId: "u-ann", userName: "Ann");
        var exportLink = LinkIn(await InlineTextAsync(host, exportPress), "/rights/export/");
        using var zip = new ZipArchive(await host.Client.GetStreamAsync(exportLink.PathAndQuery));
        var plan = JsonNode.Parse(await new StreamReader(zip.GetEntry("plan.json")!.Open()).ReadToEndAsync())!;
        Assert.Equal("Little Wittering", (string?)plan["community"]);
        var kinds = plan["records"]!.AsArray().Select(r => (string?)r!["kind"]).ToList();
        Assert.Contains("plan", kinds);
        Assert.Contains("action", kinds);
        Assert.Contains("member", kinds);
        var minutes = Assert.Single(zip.Entries, e => e.FullName.StartsWith("minutes/", StringComparison.Ordinal));
        Assert.Contains("summer fete", await new StreamReader(minutes.Open()).ReadToEndAsync(), StringComparison.Ordinal);

        // A link re-pointed at another group, or one past its day, opens nothing.
        var forged = exportLink.PathAndQuery.Replace(GroupOf(_a), GroupOf(_b), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync(forged)).StatusCode);
        host.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(HttpStatusCode.Gone, (await host.Client.GetAsync(myLink.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Storage_EveryTableItCreates_HasADataHolder()
    {
        using var host = NewHost();
        var holders = host.Services.GetRequiredService<DataHolders>().Tables;
        var tables = host.Services.GetServices<StorageTable>().Select(t => t.Client.Name[host.TablePrefix.Length..]).Distinct().ToList();
        Assert.Contains("plans", tables);
        Assert.Contains("persongroups", tables);
        Assert.All(tables, t => Assert.True(holders.Contains(t), $"The table {t} has no data holder: add one in AddDataRights."));
    }

    private FakeClockHost NewHost(Action<IServiceCollection>? services = null) => new(new FakeTimeProvider(Start), s =>
    {
        // The background pass runs at start only; each test runs the jobs itself.
        s.Configure<RetentionOptions>(o => o.JobInterval = TimeSpan.FromDays(7));
        services?.Invoke(s);
    });

    private static RightsJobRunner Runner(FakeClockHost host) => host.Services.GetRequiredService<RightsJobRunner>();

    private static async Task<string> InlineTextAsync(FakeClockHost host, JsonObject invoke)
    {
        host.Clock.Advance(TimeSpan.FromSeconds(3));
        var response = await host.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardReading.AllText(JsonNode.Parse(await response.Content.ReadAsStringAsync())).Replace("\\_", "_", StringComparison.Ordinal);
    }

    // Group A: Ann starts the plan (chair), Bob owns an action and proposes a decision in a meeting. Group B: Bob says hello.
    private async Task TwoGroupsWithBobAsync(FakeClockHost host)
    {
        var a = new Activities(Connector.ServiceUrl, _a);
        await MeetingFlow.StartPlanAsync(host.PostActivityAsync, a, Connector);
        await PostAsync(host, FromBob(a, "help"));
        await NextTextsAsync(Connector);
        await PostAsync(host, ActionForBob(a, "book the village hall"));
        Assert.Contains("book the village hall", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, a.Message("meeting start", "u-ann", "Ann"));
        await UntilAsync(Connector, "Meeting in progress");
        await PostAsync(host, FromBob(a, "decision Bob proposes the summer fete"));
        await UntilAsync(Connector, "summer fete");
        await PostAsync(host, a.Message("meeting end", "u-ann", "Ann"));
        await UntilAsync(Connector, "Minutes");
        await PostAsync(host, FromBob(new Activities(Connector.ServiceUrl, _b), "help"));
        await NextTextsAsync(Connector);
        while (!Connector.IsIdle)
        {
            await Connector.NextAsync();
        }
    }

    private async Task ForgetBobAsync(FakeClockHost host)
    {
        var a = new Activities(Connector.ServiceUrl, _a);
        await PostAsync(host, FromBob(a, "forget me"));
        Assert.Contains("Forget you everywhere?", await NextTextsAsync(Connector), StringComparison.Ordinal);
        await PostAsync(host, SubmitFromBob(a, DataRightsCommand.ForgetVerb, _a));
        Assert.Contains("I'm erasing you from every group now", await NextTextsAsync(Connector), StringComparison.Ordinal);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private static async Task AssertBobGoneAsync(FakeClockHost host)
    {
        string[] secrets = [BobId, BobDirectoryId, AssigneeKeys.For(Channel, Tenant, BobId), AssigneeKeys.For(Channel, Tenant, BobDirectoryId)];
        var rows = await AllRowsAsync(host.TablePrefix);
        Assert.Contains(rows, r => r.Table == "plans" && r.Row.GetString("Kind") == "action");

        // The version rows' turn marks are hashes of turn ids that may hold his id: cleared with the rest.
        Assert.DoesNotContain(rows, r => r.Table == "plans" && r.Row.RowKey == "!version" && r.Row.Keys.Any(k => k.Length == 33 && k[0] == 'T'));
        foreach (var (table, row) in rows)
        {
            var text = TextOf(row);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{table} {row.PartitionKey} {row.RowKey} holds {secret}");
            }

            Assert.False(Regex.IsMatch(text, @"\bBob\b"), $"{table} {row.PartitionKey} {row.RowKey} holds Bob's name:\n{text}");
        }
    }

    /// <summary>A holder that stops the first erasure (as a crash would), after every real holder has run.</summary>
    private sealed class StopsOnceHolder : IDataHolder
    {
        public bool Stopped { get; private set; }

        public IReadOnlyList<string> Tables => [];

        public Task ExportPersonAsync(PersonScope scope, JsonObject into, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task ErasePersonAsync(PersonErasure erasure, CancellationToken cancellationToken = default)
        {
            if (Stopped)
            {
                return Task.CompletedTask;
            }

            Stopped = true;
            throw new InvalidOperationException("Stopped midway, as a crash would.");
        }

        public Task DeleteGroupAsync(string groupId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
