using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Storage.Caching;
using CommunityPlanning.Storage.Rights;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Bot.Tests.Reliability;

/// <summary>
/// Two hosts (two instances, each with its own group state cache) over one Azurite, taking turns in one group:
/// neither ever answers from a copy the other has made stale, nor loses the other's change, and a plan deleted
/// on one is gone for the other.
/// </summary>
public sealed class TwoHostsCacheTests : ConnectorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TurnsAlternatingBetweenTwoHosts_EachSeesTheOthersChanges_AndADeletionOnOne()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..12];
        var activities = new Activities(Connector.ServiceUrl, conversation);
        var prefix = Azurite.NewTablePrefix();
        using var a = new OutboxHost(new FakeTimeProvider(Start), prefix);
        using var b = new OutboxHost(new FakeTimeProvider(Start), prefix);

        // A answers from storage, then keeps the group (still without a plan) in its cache.
        await a.PostActivityAsync(activities.Message("start"));
        var form = await NextAsync(conversation, a, b);
        Assert.Contains("Start your plan", form.AllText(), StringComparison.Ordinal);

        // B creates the plan.
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        await b.PostActivityAsync(activities.Submit("plan.create", CardReading.ActionData(form.Card(), "plan.create")!, inputs, replyToId: "sent-1"));
        Assert.Contains("Little Wittering's plan has started", (await NextAsync(conversation, a, b)).AllText(), StringComparison.Ordinal);

        // A's copy predates the plan: it must not answer from it.
        await a.PostActivityAsync(activities.Message("progress"));
        Assert.Contains("Little Wittering: progress", (await NextAsync(conversation, a, b)).AllText(), StringComparison.Ordinal);

        // A ticks an item, B (whose copy is now stale too) ticks another: both ticks stay.
        await a.PostActivityAsync(activities.Message("checklist"));
        var checklist = await NextAsync(conversation, a, b);
        var ticks = TickData(checklist.Card()!);
        Assert.True(ticks.Count >= 2);
        await a.PostActivityAsync(activities.Submit(ChecklistFeature.SetVerb, ticks[0], replyToId: "sent-2"));
        var first = (await NextAsync(conversation, a, b)).AllText();
        Assert.Contains("1 of", first, StringComparison.Ordinal);
        await b.PostActivityAsync(activities.Submit(ChecklistFeature.SetVerb, ticks[1], replyToId: "sent-2"));
        var second = (await NextAsync(conversation, a, b)).AllText();
        Assert.Contains("2 of", second, StringComparison.Ordinal);
        await a.PostActivityAsync(activities.Message("checklist"));
        Assert.Contains("2 of", (await NextAsync(conversation, a, b)).AllText(), StringComparison.Ordinal);
        Assert.True(a.Services.GetRequiredService<GroupStateCache>().Hits > 0);

        // "delete our plan" runs the group partition holder; here on B. A's next turn finds nothing.
        var groupId = Partitions(prefix).Single();
        await b.Services.GetServices<IDataHolder>().OfType<GroupPartitionHolder>().Single().DeleteGroupAsync(groupId);
        await a.PostActivityAsync(activities.Message("progress"));
        Assert.Contains("hasn't started its plan", (await NextAsync(conversation, a, b)).AllText(), StringComparison.Ordinal);
    }

    private static List<JsonObject> TickData(JsonNode card)
    {
        var found = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["cpVerb"]?.GetValue<string>() == ChecklistFeature.SetVerb && o["cpData"] is JsonObject data)
                    {
                        found.Add((JsonObject)data.DeepClone());
                    }

                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        // A button may appear twice (Action.Execute and its fallback): one entry per item.
        Walk(card);
        return found.DistinctBy(d => d.ToJsonString()).ToList();
    }

    private static List<string> Partitions(string prefix) =>
        new TableClient(Azurite.ConnectionString, prefix + "plans").Query<TableEntity>(select: ["PartitionKey"])
            .Select(e => e.PartitionKey).Distinct(StringComparer.Ordinal).ToList();

    // The reply may go out right after the save, or (when the other host's finished rows are still listed) from a
    // dispatcher pass: both hosts run one per wait, on their fake clocks.
    private async Task<ConnectorCall> NextAsync(string conversation, OutboxHost a, OutboxHost b)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            try
            {
                while (true)
                {
                    var call = await Connector.NextAsync(TimeSpan.FromSeconds(pass == 0 ? 5 : 10));
                    if (call.Path.Contains(conversation, StringComparison.Ordinal))
                    {
                        return call;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                await a.PassAsync(TimeSpan.FromSeconds(2));
                await b.PassAsync(TimeSpan.FromSeconds(2));
            }
        }

        throw new TimeoutException("No reply reached the connector.");
    }
}
