using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>Builds Bot Framework activities as a channel would send them.</summary>
internal sealed class Activities(string serviceUrl, string conversationId = "conv-1", string channelId = "emulator")
{
    private int _next;

    public JsonObject Message(string text, string userId = "u-sam", string userName = "Sam", string? id = null) => Base("message", id, userId, userName, text);

    public JsonObject Submit(string verb, JsonObject cpData, JsonObject? inputs = null, string userId = "u-sam", string userName = "Sam", string? replyToId = null)
    {
        var value = new JsonObject { ["cpVerb"] = verb, ["cpData"] = cpData };
        foreach (var (key, node) in inputs ?? [])
        {
            value[key] = node?.DeepClone();
        }

        var activity = Base("message", null, userId, userName, null);
        activity["value"] = value;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    public JsonObject Invoke(string verb, JsonObject cpData, JsonObject? inputs = null, string userId = "u-sam", string userName = "Sam", string replyToId = "card-1")
    {
        var data = new JsonObject { ["cpVerb"] = verb, ["cpData"] = cpData };
        foreach (var (key, node) in inputs ?? [])
        {
            data[key] = node?.DeepClone();
        }

        var activity = Base("invoke", null, userId, userName, null);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public JsonObject Base(string type, string? id, string userId, string userName, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? $"act-{Guid.NewGuid():N}-{Interlocked.Increment(ref _next)}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "PlanBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["tenantId"] = "tenant-1" },
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }
}
