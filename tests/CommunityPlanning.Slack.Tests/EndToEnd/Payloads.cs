using System.Text.Json.Nodes;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Slack payloads shaped like the real ones (only the fields that matter, plus some noise).</summary>
public static class Payloads
{
    public static JsonObject Mention(string channel, string text, string eventId, string user = "U1") => new()
    {
        ["token"] = "legacy-token",
        ["team_id"] = SlackBotHost.Team,
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = SlackBotHost.Now,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = SlackBotHost.Team, ["user_id"] = FakeSlackApi.BotUserId, ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = $"<@{FakeSlackApi.BotUserId}> {text}",
            ["ts"] = "1700000001.000100",
            ["channel"] = channel,
            ["event_ts"] = "1700000001.000100",
        },
    };

    /// <summary>member_joined_channel (or member_left_channel with <paramref name="joined"/> false), as Slack sends it.</summary>
    public static JsonObject Membership(string channel, string user, string eventId, bool joined = true)
    {
        var payload = Mention(channel, string.Empty, eventId, user);
        payload["event"] = new JsonObject
        {
            ["type"] = joined ? "member_joined_channel" : "member_left_channel",
            ["user"] = user,
            ["channel"] = channel,
            ["channel_type"] = "C",
            ["team"] = SlackBotHost.Team,
            ["inviter"] = "U1",
            ["event_ts"] = "1700000001.000200",
        };
        return payload;
    }

    public static JsonObject DirectMessage(string channel, string text, string eventId, string user = "U1")
    {
        var payload = Mention(channel, text, eventId, user);
        var evt = payload["event"]!.AsObject();
        evt["type"] = "message";
        evt["channel_type"] = "im";
        evt["text"] = text;
        return payload;
    }

    public static Dictionary<string, string> Command(string channel, string text, string user = "U1") => new()
    {
        ["token"] = "legacy-token",
        ["team_id"] = SlackBotHost.Team,
        ["team_domain"] = "parish",
        ["channel_id"] = channel,
        ["channel_name"] = "steering-group",
        ["user_id"] = user,
        ["user_name"] = user.ToLowerInvariant(),
        ["command"] = "/plan",
        ["text"] = text,
        ["response_url"] = "https://hooks.slack.com/commands/T1/1/abc",
        ["trigger_id"] = "trig-" + Guid.NewGuid().ToString("N"),
    };

    /// <summary>A click on a button of a message the bot posted.</summary>
    public static JsonObject ButtonClick(string channel, string messageTs, JsonArray messageBlocks, JsonObject button, string user = "U1") =>
        BlockActions(channel, messageTs, messageBlocks, new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button["action_id"]!.GetValue<string>(),
            ["block_id"] = "b",
            ["text"] = button["text"]!.DeepClone(),
            ["value"] = button["value"]!.GetValue<string>(),
            ["action_ts"] = "1700000002.000200",
        }, user);

    /// <summary>A change to a checkboxes element: what is ticked now.</summary>
    public static JsonObject CheckboxChange(string channel, string messageTs, JsonArray messageBlocks, JsonObject block, IEnumerable<JsonObject> selected, string user = "U1")
    {
        var element = block["elements"]![0]!;
        return BlockActions(channel, messageTs, messageBlocks, new JsonObject
        {
            ["type"] = "checkboxes",
            ["action_id"] = element["action_id"]!.GetValue<string>(),
            ["block_id"] = block["block_id"]!.GetValue<string>(),
            ["selected_options"] = new JsonArray([.. selected.Select(o => o.DeepClone())]),
            ["action_ts"] = "1700000002.000300",
        }, user);
    }

    public static JsonObject ViewSubmission(JsonObject view, JsonObject values, string user = "U1") => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackBotHost.Team, ["domain"] = "parish" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = SlackBotHost.Team },
        ["api_app_id"] = "A1",
        ["trigger_id"] = "trig-" + Guid.NewGuid().ToString("N"),
        ["view"] = new JsonObject
        {
            ["id"] = "V1",
            ["type"] = "modal",
            ["callback_id"] = view["callback_id"]?.DeepClone(),
            ["private_metadata"] = view["private_metadata"]!.DeepClone(),
            ["blocks"] = view["blocks"]!.DeepClone(),
            ["hash"] = "1700000003.abc",
            ["state"] = new JsonObject { ["values"] = values },
        },
    };

    /// <summary>
    /// The "Make an action" message shortcut used on a message, as Slack sends it (<c>message_action</c>), with the
    /// message's own fields; <paramref name="message"/> may change them (files, no text, a thread).
    /// </summary>
    public static JsonObject MessageShortcut(string channel, string text, string responseUrl, string user = "U1", string author = "U1", string team = SlackBotHost.Team, Action<JsonObject>? message = null)
    {
        var shown = new JsonObject
        {
            ["type"] = "message",
            ["user"] = author,
            ["text"] = text,
            ["ts"] = ShortcutMessageTs,
            ["team"] = team,
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "rich_text", ["block_id"] = "x1", ["elements"] = new JsonArray() }),
        };
        message?.Invoke(shown);
        return new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = "legacy-token",
            ["action_ts"] = "1700000100.000300",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "parish" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = team },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "steering-group" },
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
            ["callback_id"] = "make_action",
            ["trigger_id"] = "trig-" + Guid.NewGuid().ToString("N"),
            ["response_url"] = responseUrl,
            ["message_ts"] = ShortcutMessageTs,
            ["message"] = shown,
        };
    }

    /// <summary>The ts of the message a shortcut payload is about.</summary>
    public const string ShortcutMessageTs = "1700000100.000200";

    public static JsonObject DateValue(string date) => new() { ["value"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = date } };

    public static JsonObject TextValue(string value) => new() { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };

    public static JsonObject SelectValue(string value) => new()
    {
        ["value"] = new JsonObject
        {
            ["type"] = "static_select",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value },
        },
    };

    private static JsonObject BlockActions(string channel, string messageTs, JsonArray messageBlocks, JsonObject action, string user) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = SlackBotHost.Team, ["domain"] = "parish" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = SlackBotHost.Team },
        ["api_app_id"] = "A1",
        ["trigger_id"] = "trig-" + Guid.NewGuid().ToString("N"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "steering-group" },
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = FakeSlackApi.BotUserId, ["ts"] = messageTs, ["blocks"] = messageBlocks.DeepClone() },
        ["response_url"] = "https://hooks.slack.com/actions/T1/1/abc",
        ["actions"] = new JsonArray(action),
    };
}
