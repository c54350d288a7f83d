using System.Text.Json.Nodes;
using CommunityPlanning.Bot.Tests.Teams;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Bot.Tests.Fuzz;

/// <summary>
/// Realistic inbound payloads, shaped as Teams and Slack send them, each for its own conversation (so a
/// refused one can be checked for writes in its own group partition).
/// </summary>
internal static class FuzzCorpus
{
    public const string SlackTeam = "T1";

    public static string TeamsConversation(int index) => $"19:fuzz{index:D6}@thread.tacv2";

    public static string TeamsGroup(int index) => new ConversationKey("msteams", TeamsActivities.Tenant, TeamsConversation(index)).GroupId;

    public static string SlackChannel(int index) => $"CFUZZ{index:D6}";

    public static string SlackGroup(int index) => new ConversationKey("slack", SlackTeam, SlackChannel(index)).GroupId;

    /// <summary>The Teams activities: a mention, a Universal Action invoke, the Action.Submit fallback, member and app events.</summary>
    public static JsonObject Teams(int seed, int index, string serviceUrl)
    {
        var conversation = TeamsConversation(index);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"1700000{index:D6}",
            ["timestamp"] = "2025-03-14T10:00:00.000Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:sam", ["name"] = "Sam Jones", ["aadObjectId"] = "6a1c2f3e-0000-4000-8000-000000000002" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TeamsActivities.Tenant },
            ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = TeamsActivities.BotName },
            ["locale"] = "en-GB",
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TeamsActivities.Tenant },
                ["teamsChannelId"] = conversation,
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
                ["channel"] = new JsonObject { ["id"] = conversation },
            },
        };
        var group = TeamsGroup(index);
        switch (seed % 6)
        {
            case 0:
                activity["text"] = "<at>PlanBot</at> action <at>Ann Smith</at> book the village hall by Friday";
                activity["entities"] = new JsonArray
                {
                    TeamsActivities.Mention(TeamsActivities.BotId, TeamsActivities.BotName),
                    TeamsActivities.Mention("29:ann", "Ann Smith"),
                    new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["platform"] = "Web" },
                };
                break;
            case 1:
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                activity["replyToId"] = "1700000000100";
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject
                    {
                        ["type"] = "Action.Execute",
                        ["verb"] = "checklist.tick",
                        ["id"] = "action-1",
                        ["data"] = new JsonObject
                        {
                            ["cpVerb"] = "checklist.tick",
                            ["cpData"] = new JsonObject { ["g"] = group, ["step"] = "1", ["item"] = "contact-adviser", ["done"] = "true" },
                            ["note"] = "ticked from the card",
                        },
                    },
                    ["trigger"] = "manual",
                };
                break;
            case 2:
                activity["replyToId"] = "1700000000101";
                activity["value"] = new JsonObject
                {
                    ["cpVerb"] = "plan.create",
                    ["cpData"] = new JsonObject { ["g"] = group },
                    ["communityName"] = "Little Wittering",
                    ["planType"] = "CommunityLedPlan",
                };
                break;
            case 3:
                activity["type"] = "conversationUpdate";
                activity["membersAdded"] = new JsonArray
                {
                    new JsonObject { ["id"] = "29:ann", ["name"] = "Ann Smith" },
                    new JsonObject { ["id"] = "29:bob", ["name"] = "Bob Brown" },
                };
                break;
            case 4:
                activity["type"] = "event";
                activity["name"] = "application/vnd.microsoft.meetingStart";
                activity["value"] = new JsonObject { ["Id"] = "meeting-1", ["StartTime"] = "2025-03-14T10:00:00Z", ["Title"] = "Steering group" };
                break;
            default:
                activity["type"] = "installationUpdate";
                activity["action"] = "add";
                break;
        }

        return activity;
    }

    /// <summary>The Slack Events API bodies: a mention, a direct message, the URL check.</summary>
    public static JsonObject SlackEvent(int seed, int index)
    {
        var channel = SlackChannel(index);
        return (seed % 3) switch
        {
            0 => EventCallback(index, new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U1",
                ["text"] = "<@UBOT> action <@U2|ann> book the hall by Friday",
                ["ts"] = "1741946400.000100",
                ["channel"] = channel,
                ["event_ts"] = "1741946400.000100",
            }),
            1 => EventCallback(index, new JsonObject
            {
                ["type"] = "message",
                ["channel_type"] = "im",
                ["user"] = "U1",
                ["text"] = "progress",
                ["ts"] = "1741946400.000200",
                ["channel"] = channel,
            }),
            _ => new JsonObject { ["token"] = "x", ["challenge"] = "abc123", ["type"] = "url_verification" },
        };
    }

    /// <summary>The interactivity payloads: a button press, a checklist tick, a modal submission.</summary>
    public static JsonObject SlackInteraction(int seed, int index)
    {
        var channel = SlackChannel(index);
        var group = SlackGroup(index);
        var user = new JsonObject { ["id"] = "U1", ["username"] = "sam", ["name"] = "sam", ["team_id"] = SlackTeam };
        var team = new JsonObject { ["id"] = SlackTeam, ["domain"] = "village" };
        return (seed % 3) switch
        {
            0 => new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = user,
                ["team"] = team,
                ["trigger_id"] = "1.2.3",
                ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1741946400.000300", ["channel_id"] = channel, ["is_ephemeral"] = false },
                ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "steering" },
                ["message"] = new JsonObject { ["ts"] = "1741946400.000300", ["text"] = "card" },
                ["actions"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = "progress.show",
                        ["block_id"] = "b1",
                        ["value"] = new JsonObject { ["v"] = "progress.show", ["d"] = new JsonObject { ["g"] = group } }.ToJsonString(),
                        ["action_ts"] = "1741946401.000000",
                    },
                },
            },
            1 => new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = user,
                ["team"] = team,
                ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1741946400.000400", ["channel_id"] = channel },
                ["actions"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "checkboxes",
                        ["action_id"] = "checklist.set",
                        ["block_id"] = new JsonObject { ["v"] = "checklist.set", ["d"] = new JsonObject { ["g"] = group, ["step"] = "1" } }.ToJsonString(),
                        ["selected_options"] = new JsonArray { new JsonObject { ["value"] = "contact-adviser", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Contact" } } },
                    },
                },
            },
            _ => new JsonObject
            {
                ["type"] = "view_submission",
                ["team"] = team,
                ["user"] = user,
                ["trigger_id"] = "1.2.4",
                ["view"] = new JsonObject
                {
                    ["id"] = "V1",
                    ["callback_id"] = "plan.create",
                    ["private_metadata"] = new JsonObject { ["c"] = channel, ["v"] = "plan.create", ["d"] = new JsonObject { ["g"] = group } }.ToJsonString(),
                    ["state"] = new JsonObject
                    {
                        ["values"] = new JsonObject
                        {
                            ["communityName"] = new JsonObject { ["communityName"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Little Wittering" } },
                            ["planType"] = new JsonObject { ["planType"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "CommunityLedPlan" } } },
                        },
                    },
                },
            },
        };
    }

    /// <summary>A slash command's fields.</summary>
    public static List<KeyValuePair<string, string>> SlackCommand(int index) =>
    [
        new("token", "x"),
        new("team_id", SlackTeam),
        new("team_domain", "village"),
        new("channel_id", SlackChannel(index)),
        new("channel_name", "steering"),
        new("user_id", "U1"),
        new("user_name", "sam"),
        new("command", "/plan"),
        new("text", "progress"),
        new("api_app_id", "A1"),
        new("response_url", "https://hooks.slack.com/commands/T1/1/abc"),
        new("trigger_id", "1.2.5"),
    ];

    private static JsonObject EventCallback(int index, JsonObject evt) => new()
    {
        ["token"] = "x",
        ["team_id"] = SlackTeam,
        ["api_app_id"] = "A1",
        ["event"] = evt,
        ["type"] = "event_callback",
        ["event_id"] = $"EvFUZZ{index:D6}",
        ["event_time"] = 1741946400,
        ["authorizations"] = new JsonArray { new JsonObject { ["team_id"] = SlackTeam, ["user_id"] = "UBOT", ["is_bot"] = true } },
    };
}
