using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>Talks to the playground's Direct Line endpoint as Web Chat does, for tests that need no browser.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; private set; } = string.Empty;

    public string ConversationId { get; private set; } = string.Empty;

    public async Task<DirectLineClient> StartAsync()
    {
        var response = await http.PostAsync("/v3/directline/tokens/generate", null);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Token = body["token"]!.GetValue<string>();
        ConversationId = body["conversationId"]!.GetValue<string>();
        return this;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return http.SendAsync(request);
    }

    /// <summary>Posts a message as a member; returns its id.</summary>
    public async Task<string> SayAsync(string text, string member = "pat") =>
        await PostAsync(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = From(member) });

    /// <summary>Presses a card button (the Action.Submit fallback), as the page does: value, and replyToId = the card.</summary>
    public async Task<string> SubmitAsync(string cardActivityId, JsonObject data, JsonObject? inputs = null, string member = "pat")
    {
        var value = (JsonObject)data.DeepClone();
        foreach (var (key, node) in inputs ?? [])
        {
            value[key] = node?.DeepClone();
        }

        return await PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["value"] = value,
            ["replyToId"] = cardActivityId,
            ["channelData"] = new JsonObject { ["postBack"] = true },
            ["from"] = From(member),
        });
    }

    public async Task<string> PostAsync(JsonObject activity)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Every transcript entry from the start (an updated card appears again with its id).</summary>
    public async Task<List<JsonObject>> ActivitiesAsync(int watermark = 0)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["activities"]!.AsArray().Select(a => (JsonObject)a!).ToList();
    }

    /// <summary>The latest version of the latest bot card whose text contains <paramref name="text"/>.</summary>
    public async Task<(string Id, JsonObject Card)> CardAsync(string text)
    {
        var latest = new Dictionary<string, JsonObject>();
        var order = new List<string>();
        foreach (var activity in await ActivitiesAsync())
        {
            if (activity["attachments"]?[0]?["content"] is JsonObject card)
            {
                var id = activity["id"]!.GetValue<string>();
                if (!latest.ContainsKey(id))
                {
                    order.Add(id);
                }

                latest[id] = card;
            }
        }

        var found = order.LastOrDefault(id => EndToEnd.CardReading.AllText(latest[id]).Contains(text, StringComparison.Ordinal));
        Assert.True(found is not null, $"No card with \"{text}\" in the transcript.");
        return (found, latest[found]);
    }

    public static JsonObject From(string member) => new() { ["id"] = "playground-" + member, ["name"] = char.ToUpperInvariant(member[0]) + member[1..], ["role"] = "user" };
}
