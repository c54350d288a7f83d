using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CommunityPlanning.Bot.Tests.Reliability;

/// <summary>
/// Faults against the real host, Azurite and the fake Connector: nothing saved is lost and nothing is sent
/// twice. Each test prints one line of figures.
/// </summary>
public sealed class ReliabilityTests(ITestOutputHelper output) : ConnectorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ConnectorFault.Status500)]
    [InlineData(ConnectorFault.Reset)]
    public async Task ConnectorFailsFirstSend_ReplyArrivesOnce_AndRedeliveryAddsNoSecondReply(ConnectorFault fault)
    {
        var conversation = NewConversation();
        var activities = new Activities(Connector.ServiceUrl, conversation);
        using var host = new OutboxHost(new FakeTimeProvider(Start), Azurite.NewTablePrefix());
        Connector.FailNext(fault);
        var message = activities.Message("help", id: "act-help-1");

        var first = await host.PostActivityAsync(message);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(Connector.Delivered(conversation));

        await host.PassAsync(TimeSpan.FromSeconds(5));
        var reply = await NextForAsync(conversation);
        Assert.Contains("What I can do", reply.AllText(), StringComparison.Ordinal);

        var again = await host.PostActivityAsync(message);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await host.PassAsync(TimeSpan.FromMinutes(10));

        Assert.Single(Connector.Delivered(conversation));
        output.WriteLine($"Reliability: fault={fault} attempts={Connector.All.Count(c => c.Path.Contains(conversation, StringComparison.Ordinal))} delivered={Connector.Delivered(conversation).Count} redelivery=200");
    }

    [Fact]
    public async Task HostStoppedAfterCommitBeforeDelivery_StartedAgain_ReplyArrivesOnce()
    {
        var conversation = NewConversation();
        var activities = new Activities(Connector.ServiceUrl, conversation);
        var prefix = Azurite.NewTablePrefix();
        var first = new OutboxHost(new FakeTimeProvider(Start), prefix);
        Connector.FailNext(ConnectorFault.Hold);

        var posting = first.PostActivityAsync(activities.Message("help"));
        await Connector.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await first.DisposeAsync();
        await Record.ExceptionAsync(() => posting);
        Assert.Empty(Connector.Delivered(conversation));

        // The new host finds the group on the pending list and takes the row over once the dead host's claim ends.
        using var second = new OutboxHost(new FakeTimeProvider(Start), prefix);
        await second.PassAsync(TimeSpan.FromMinutes(2));
        var reply = await NextForAsync(conversation);
        Assert.Contains("What I can do", reply.AllText(), StringComparison.Ordinal);
        await second.PassAsync(TimeSpan.FromMinutes(10));

        Assert.Single(Connector.Delivered(conversation));
        output.WriteLine($"Reliability: stopped-mid-send delivered={Connector.Delivered(conversation).Count} calls={Connector.All.Count(c => c.Path.Contains(conversation, StringComparison.Ordinal))}");
    }

    [Fact]
    public async Task IndexWriteFails_IndexIsRightAfterTheNextPassOnAnotherHost()
    {
        var conversation = NewConversation();
        var activities = new Activities(Connector.ServiceUrl, conversation);
        var prefix = Azurite.NewTablePrefix();
        using var hostA = new OutboxHost(new FakeTimeProvider(Start), prefix);
        using var hostB = new OutboxHost(new FakeTimeProvider(Start), prefix);
        await Meetings.MeetingFlow.StartPlanAsync(hostA.PostActivityAsync, activities, Connector);
        await hostA.PostActivityAsync(activities.Message("help", "u-alex", "Alex"));
        await NextForAsync(conversation);

        var assignees = new TableClient(Azurite.ConnectionString, prefix + "actionsbyowner");
        await assignees.DeleteAsync();
        var action = activities.Message("action <at>Alex</at> book the village hall by 31/12/2099");
        action["entities"] = new JsonArray { new JsonObject { ["type"] = "mention", ["text"] = "<at>Alex</at>", ["mentioned"] = new JsonObject { ["id"] = "u-alex", ["name"] = "Alex" } } };
        var created = await hostA.PostActivityAsync(action);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("book the village hall", (await NextForAsync(conversation)).AllText(), StringComparison.Ordinal);

        var index = hostB.Services.GetRequiredService<IAssigneeIndex>();
        var owner = AssigneeKeys.For("emulator", "tenant-1", "u-alex");
        await assignees.CreateIfNotExistsAsync();
        Assert.Empty(await index.ForOwnerAsync(owner));

        var finished = await hostB.PassAsync(TimeSpan.FromMinutes(1));

        var row = Assert.Single(await index.ForOwnerAsync(owner));
        Assert.Equal("book the village hall", row.Title);
        output.WriteLine($"Reliability: index-failed rows-finished-by-other-host={finished} index-rows=1");
    }

    [Fact]
    public async Task TwentyMessagesInTwoSeconds_EveryReplyDeliveredInOrder_No500()
    {
        var conversation = NewConversation();
        var activities = new Activities(Connector.ServiceUrl, conversation);
        using var host = new OutboxHost(new FakeTimeProvider(Start), Azurite.NewTablePrefix());
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 20; i++)
        {
            statuses.Add((await host.PostActivityAsync(activities.Message(Word(i)))).StatusCode);
            host.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var inline = Connector.Delivered(conversation).Count;
        for (var pass = 0; pass < 30 && Connector.Delivered(conversation).Count < 20; pass++)
        {
            await host.PassAsync(TimeSpan.FromSeconds(1));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var said = Connector.Delivered(conversation).Select(c => c.AllText()).ToList();
        Assert.Equal(20, said.Count);
        for (var i = 1; i <= 20; i++)
        {
            Assert.Contains(Word(i), said[i - 1], StringComparison.Ordinal);
        }

        output.WriteLine($"Reliability: burst messages=20 http200={statuses.Count(s => s == HttpStatusCode.OK)} inline={inline} later={20 - inline} delivered={said.Count} in-order=true");
    }

    [Fact]
    public async Task StorageDownMidRun_EveryTurnAnsweredOrToldToTryAgain_StateIsTheReplayOfAnsweredTurns()
    {
        // 200 turns from 10 members, alternating between two groups' conversations (one meeting holds at most
        // 100 decisions), one turn a second on the host's clock; storage is unreachable for 10 s in the middle.
        const int Turns = 200;
        const int Members = 10;
        string[] conversations = [NewConversation(), NewConversation()];
        var activities = conversations.Select(c => new Activities(Connector.ServiceUrl, c)).ToArray();
        await using var gate = new TcpGate(AzuriteTablePort());
        var connection = Azurite.ConnectionStringFor(gate.Port, gate.Port);
        using var host = new OutboxHost(new FakeTimeProvider(Start), Azurite.NewTablePrefix(), connection);
        for (var g = 0; g < conversations.Length; g++)
        {
            await Meetings.MeetingFlow.StartPlanAsync(host.PostActivityAsync, activities[g], Connector);
            await host.PostActivityAsync(activities[g].Message("meeting start", "u-m0", "Member 0"));
            await NextForAsync(conversations[g]);
        }

        var before = Connector.All.Count;
        var statuses = new List<HttpStatusCode>();
        var downFor = 0;
        for (var i = 0; i < Turns; i++)
        {
            if (i == 95)
            {
                gate.Close();
            }
            else if (i == 105)
            {
                gate.Open();
            }

            downFor += gate.IsOpen ? 0 : 1;
            var member = i % Members;
            statuses.Add((await host.PostActivityAsync(activities[i % 2].Message($"decision item {i:000}", $"u-m{member}", $"Member {member}"))).StatusCode);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var groupIds = conversations.Select(c => new CommunityPlanning.Conversations.Turns.ConversationKey("emulator", "tenant-1", c).GroupId).ToArray();
        var outbox = host.Services.GetRequiredService<CommunityPlanning.Conversations.Outbox.IOutboxStore>();
        for (var pass = 0; pass < 200 && (await outbox.ListAsync(groupIds[0])).Count + (await outbox.ListAsync(groupIds[1])).Count > 0; pass++)
        {
            await host.PassAsync(TimeSpan.FromSeconds(5));
        }

        var posts = Connector.All.Skip(before)
            .Where(c => c.SentId is not null && c.Method == "POST" && conversations.Any(conversation => c.Path.Contains(conversation, StringComparison.Ordinal)))
            .Select(c => c.AllText()).ToList();
        var answered = Enumerable.Range(0, Turns).Where(i => posts.Any(p => p.Contains($"item {i:000}", StringComparison.Ordinal) && p.Contains("Decision recorded", StringComparison.Ordinal))).ToHashSet();
        var tryAgain = posts.Count(p => p.Contains("try again", StringComparison.OrdinalIgnoreCase));
        var store = host.Services.GetRequiredService<CommunityPlanning.Domain.Ports.IGroupStore>();
        var stored = new HashSet<int>();
        var pending = 0;
        foreach (var groupId in groupIds)
        {
            var state = await store.LoadAsync(groupId);
            stored.UnionWith(state.OfType<CommunityPlanning.Domain.Meetings.DecisionRecord>().Select(d => int.Parse(d.Text[^3..], CultureInfo.InvariantCulture)));
            pending += state.OfType<CommunityPlanning.Conversations.Outbox.OutboxRecord>().Count();
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(answered.Count + tryAgain >= Turns, $"{answered.Count} answered and {tryAgain} told to try again, of {Turns}");
        Assert.Equal(answered.Order(), stored.Order());
        Assert.Equal(0, pending);
        output.WriteLine($"Reliability: outage turns={Turns} members={Members} down-for-turns={downFor} answered={answered.Count} try-again={tryAgain} stored={stored.Count} outbox-left={pending} http200={statuses.Count(s => s == HttpStatusCode.OK)}");
    }

    private static int AzuriteTablePort()
    {
        var endpoint = Azurite.ConnectionString.Split(';').First(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..];
        return new Uri(endpoint).Port;
    }

    private static string Word(int i) => "zzword" + i.ToString("00", CultureInfo.InvariantCulture);

    private static string NewConversation() => "conv-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<ConnectorCall> NextForAsync(string conversation)
    {
        while (true)
        {
            var call = await Connector.NextAsync(TimeSpan.FromSeconds(30));
            if (call.Path.Contains(conversation, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }
}
