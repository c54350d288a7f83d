using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing;

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
}
