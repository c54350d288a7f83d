using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Bot.Tests.Meetings;

/// <summary>Steps shared by the meeting end-to-end tests: start a plan, read cards, drain the Connector.</summary>
internal static partial class MeetingFlow
{
    /// <summary>A link-signing key (base64 of 32 bytes) with the id k1.</summary>
    public const string SigningKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <summary>A second key, k2, for rotation.</summary>
    public const string NextSigningKey = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    /// <summary>Host settings that sign links with k1.</summary>
    public static Dictionary<string, string?> LinkSettings() => new()
    {
        ["Links:SigningKeys:k1"] = SigningKey,
        ["Links:CurrentKeyId"] = "k1",
    };

    public static async Task StartPlanAsync(Func<JsonObject, Task<HttpResponseMessage>> post, Activities activities, FakeConnector connector)
    {
        await post(activities.Message("start", "u-ann", "Ann"));
        var form = await connector.NextAsync();
        var data = CardReading.ActionData(form.Card(), "plan.create")!;
        var inputs = new JsonObject { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" };
        var response = await post(activities.Submit("plan.create", data, inputs, "u-ann", "Ann", replyToId: "sent-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("plan has started", (await connector.NextAsync()).AllText(), StringComparison.Ordinal);
    }

    /// <summary>Reads exactly <paramref name="count"/> calls, whatever order they arrive in.</summary>
    public static async Task<List<ConnectorCall>> DrainAsync(FakeConnector connector, int count)
    {
        var calls = new List<ConnectorCall>();
        for (var i = 0; i < count; i++)
        {
            calls.Add(await connector.NextAsync(TimeSpan.FromSeconds(30)));
        }

        return calls;
    }

    /// <summary>The data a checklist row on the card sends for <paramref name="itemId"/>.</summary>
    public static JsonObject TickData(JsonObject card, string itemId)
    {
        var data = CardReading.ActionData(card, "meeting.tick")!;
        data["item"] = itemId;
        data["done"] = "true";
        return data;
    }

    /// <summary>The download link in a card's text, with the Adaptive Card escaping (a backslash before "_") undone.</summary>
    public static Uri DownloadLink(string text)
    {
        var match = Link().Match(text);
        Assert.True(match.Success, "No download link in:\n" + text);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://\S+/minutes/\S+\.md\?expires=\d+&kid=[a-z0-9-]+&sig=[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    /// <summary>
    /// Waits (10 s at most) until the group's outbox is empty. An instance stopped before it deleted rows it had
    /// delivered leaves them claimed until the claim runs out (60 s), and later replies of the group wait behind
    /// them; a test that restarts the host waits for its last delivery to be finished first. The delete is another
    /// component's storage write with no event to await, so this polls the rows.
    /// </summary>
    public static async Task OutboxEmptyAsync(BotHost host, string groupId)
    {
        var outbox = host.Services.GetRequiredService<CommunityPlanning.Conversations.Outbox.IOutboxStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await outbox.ListAsync(groupId)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox of group " + groupId + " was not emptied.");
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}
