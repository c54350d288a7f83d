using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Testing.BotFramework;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>Builds activities shaped as Microsoft Teams sends them (ids, tenant, channel data, mentions).</summary>
internal sealed class TeamsActivities(string serviceUrl, string conversationId, string conversationType = "channel", string teamId = "19:team@thread.tacv2")
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + TestTokens.AppId;
    public const string BotName = "PlanBot";

    private int _next;

    /// <summary>A fresh Teams channel (or chat) conversation id, so tests never share a group.</summary>
    public static string NewChannel() => $"19:{Guid.NewGuid():N}@thread.tacv2";

    public string ConversationId => conversationId;

    /// <summary>The group this conversation belongs to (the channel, without any thread suffix).</summary>
    public string GroupId => new ConversationKey("msteams", Tenant, ThreadRoot(conversationId)).GroupId;

    public static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    /// <summary>A message that @mentions the bot first, as channel messages to a bot do.</summary>
    public JsonObject MessageToBot(string text, string userId = "29:sam", string userName = "Sam Jones", params JsonObject[] otherMentions)
    {
        var activity = Base("message", userId, userName);
        activity["text"] = $"<at>{BotName}</at> {text}";
        var entities = new JsonArray { Mention(BotId, BotName) };
        foreach (var mention in otherMentions)
        {
            entities.Add(mention);
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["platform"] = "Web" });
        activity["entities"] = entities;
        return activity;
    }

    public JsonObject Invoke(string verb, JsonObject cpData, JsonObject? inputs = null, string replyToId = "1700000000100", string trigger = "manual", string userId = "29:sam", string userName = "Sam Jones")
    {
        var data = new JsonObject { ["cpVerb"] = verb, ["cpData"] = cpData.DeepClone() };
        foreach (var (key, node) in inputs ?? [])
        {
            data[key] = node?.DeepClone();
        }

        return RawInvoke(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data, ["id"] = "action-1" },
            ["trigger"] = trigger,
        }, replyToId, userId, userName);
    }

    public JsonObject RawInvoke(JsonNode value, string replyToId = "1700000000100", string userId = "29:sam", string userName = "Sam Jones")
    {
        var activity = Base("invoke", userId, userName);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }

    /// <summary>What the Action.Submit fallback sends: a message with the data as its value.</summary>
    public JsonObject Submit(string verb, JsonObject cpData, string replyToId, string userId = "29:sam", string userName = "Sam Jones")
    {
        var activity = Base("message", userId, userName);
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject { ["cpVerb"] = verb, ["cpData"] = cpData.DeepClone() };
        return activity;
    }

    public JsonObject MembersAdded(params (string Id, string Name)[] people) => ConversationUpdate("membersAdded", people);

    public JsonObject MembersRemoved(params (string Id, string Name)[] people) => ConversationUpdate("membersRemoved", people);

    public JsonObject BotAdded() => ConversationUpdate("membersAdded", (BotId, BotName));

    public JsonObject InstallationUpdate(string action, string userId = "29:sam", string userName = "Sam Jones")
    {
        var activity = Base("installationUpdate", userId, userName);
        activity["action"] = action;
        return activity;
    }

    public JsonObject Event(string name)
    {
        var activity = Base("event", "29:sam", "Sam Jones");
        activity["name"] = name;
        return activity;
    }

    public JsonObject Base(string type, string userId, string userName)
    {
        var id = $"17000{Interlocked.Increment(ref _next):D8}{Random.Shared.Next(1000, 9999)}";
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } };
        if (conversationType == "channel")
        {
            channelData["teamsChannelId"] = ThreadRoot(conversationId);
            channelData["teamsTeamId"] = teamId;
            channelData["channel"] = new JsonObject { ["id"] = ThreadRoot(conversationId) };
            channelData["team"] = new JsonObject { ["id"] = teamId };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["isGroup"] = conversationType != "personal",
                ["tenantId"] = Tenant,
            },
            ["channelData"] = channelData,
            ["locale"] = "en-GB",
        };
    }

    private JsonObject ConversationUpdate(string property, params (string Id, string Name)[] people)
    {
        var activity = Base("conversationUpdate", "29:admin", "Admin");
        var list = new JsonArray();
        foreach (var (id, name) in people)
        {
            list.Add(new JsonObject { ["id"] = id, ["name"] = name });
        }

        activity[property] = list;
        return activity;
    }

    private static string ThreadRoot(string id)
    {
        var at = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? id : id[..at];
    }
}
