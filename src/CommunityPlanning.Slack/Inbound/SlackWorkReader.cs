using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Slack.Api;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Work;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// Reads the work in a Slack request: once by the endpoint (to decide whether there is work, and its
/// key) and again by the worker from the stored body, so both always agree. Every turn id comes from the
/// request itself, never from a random number, because queued work may be delivered more than once and
/// the store's record of handled turns is what makes a repeat harmless.
/// </summary>
internal sealed class SlackWorkReader(SlackApiClient api, SlackBotIdentity bot)
{
    public const string EventsKind = "slack.events";
    public const string CommandsKind = "slack.commands";
    public const string InteractionsKind = "slack.interactions";

    /// <summary>The key under which queued work is stored: one per delivery.</summary>
    public static string KeyOf(InboundWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return "slack:" + work.TurnId;
    }

    /// <summary>The work in a stored request, or null when it holds none.</summary>
    public InboundWork? Read(string kind, byte[] body) => kind switch
    {
        EventsKind => JsonRead.TryParse(body) is { } payload ? Event(payload) : null,
        CommandsKind => Command(body),
        InteractionsKind => InteractionPayload(body) is { } payload && payload.Str("type") == "block_actions" ? BlockActions(payload) : null,
        _ => null,
    };

    /// <summary>The JSON in an interaction's <c>payload=</c> field.</summary>
    public static JsonObject? InteractionPayload(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.TryGetValue("payload", out var json) ? JsonRead.TryParse(json.ToString()) : null;
    }

    /// <summary>An event_callback's message for the bot (a mention, or a direct message), else null.</summary>
    public InboundWork? Event(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var teamId = payload.Str("team_id");
        var eventId = payload.Str("event_id");
        var evt = payload.Obj("event");
        var authorized = payload.Arr("authorizations").Objects().FirstOrDefault(a => a["is_bot"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
        var workspace = new SlackWorkspace(teamId ?? string.Empty, payload.Str("enterprise_id"));
        var botUserId = authorized.Str("user_id") ?? bot.UserIdIn(workspace);
        bot.Learn(workspace, authorized.Str("user_id"));
        if (teamId is null || eventId is null || evt is null)
        {
            return null;
        }

        if (Membership(evt, workspace, eventId, botUserId) is { } membership)
        {
            return membership;
        }

        var addressed = true;
        if (!IsForUs(evt, botUserId, out addressed))
        {
            return null;
        }

        var channel = evt.Str("channel");
        var user = evt.Str("user");
        if (channel is null || user is null)
        {
            return null;
        }

        var text = evt.Str("text") ?? string.Empty;
        var target = new SlackTarget(teamId, channel, user)
        {
            EnterpriseId = workspace.EnterpriseId,
            FormOrigin = SlackFormOpen.For(new ConversationKey(SlackAddress.Channel, teamId, channel), text),
        };
        return new InboundWork(target, "evt:" + eventId, null, text, [], botUserId) { Addressed = addressed };
    }

    /// <summary>A <c>/plan</c> command, or null when it lacks the workspace, channel or person.</summary>
    public InboundWork? Command(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;
        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        var trigger = Field("trigger_id");
        if (team is null || channel is null || user is null)
        {
            return null;
        }

        var text = Field("text") ?? string.Empty;
        var target = new SlackTarget(team, channel, user)
        {
            EnterpriseId = Field("enterprise_id"),
            TriggerId = trigger,
            ResponseUrl = ResponseUrl(Field("response_url")),
            FormOrigin = SlackFormOpen.For(new ConversationKey(SlackAddress.Channel, team, channel), text),
        };

        // The trigger id is unique per invocation; without one, the signed body itself is.
        var turnId = "cmd:" + (trigger ?? Convert.ToHexStringLower(SHA256.HashData(body))[..32]);
        return new InboundWork(target, turnId, Field("user_name"), text, [], null);
    }

    /// <summary>Buttons and checklist ticks as card submissions (or a form button's message), else null.</summary>
    public static InboundWork? BlockActions(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var team = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id");
        var user = payload.Obj("user").Str("id");
        var container = payload.Obj("container");
        var channel = container.Str("channel_id") ?? payload.Obj("channel").Str("id");
        var messageTs = container.Str("message_ts") ?? payload.Obj("message").Str("ts");
        var ephemeral = false;
        if (string.Equals(container.Str("type"), "view", StringComparison.Ordinal))
        {
            channel = ModalMetadata.TryDecode(payload.Obj("view").Str("private_metadata"))?.Channel;
            messageTs = null;
        }
        else if (container?["is_ephemeral"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            // An ephemeral message cannot be updated with chat.update: its replies go privately instead.
            messageTs = null;
            ephemeral = true;
        }

        if (team is null || user is null || channel is null)
        {
            return null;
        }

        var conversation = new ConversationKey(SlackAddress.Channel, team, channel);
        var submissions = new List<Submission>();
        string? text = null;
        ActionValue? origin = null;
        var actions = payload.Arr("actions").Objects().ToList();
        foreach (var action in actions)
        {
            switch (action.Str("type"))
            {
                case "button" when ActionValue.TryDecode(action.Str("value")) is { } value:
                    origin = value;
                    if (value.Verb == SlackFormOpen.Verb)
                    {
                        // Only a form button from this conversation re-runs its message here.
                        text = string.Equals(value.Data.GetValueOrDefault(Submission.GroupKey), conversation.GroupId, StringComparison.Ordinal)
                            ? value.Data.GetValueOrDefault(SlackFormOpen.TextKey)
                            : null;
                    }
                    else
                    {
                        // A question card's Save carries what was typed into the message's input.
                        var inputs = (action.Str("action_id") ?? string.Empty).StartsWith(BlockKitRenderer.SubmitActionPrefix, StringComparison.Ordinal)
                            ? ModalInputs.Read(payload.Obj("state").Obj("values"))
                            : new Dictionary<string, string>();
                        submissions.Add(new Submission(value.Verb, value.Data, inputs));
                    }

                    break;
                case "checkboxes":
                    submissions.AddRange(ChecklistChanges.Read(action, payload.Obj("message")));
                    break;
            }
        }

        if (text is null && submissions.Count == 0)
        {
            return null;
        }

        var target = new SlackTarget(team, channel, user)
        {
            EnterpriseId = EnterpriseOf(payload),
            TriggerId = payload.Str("trigger_id"),
            SourceTs = messageTs,
            SourcePrivate = ephemeral,
            ModalReplaceTs = text is not null ? messageTs : null,
            FormOrigin = origin,
        };

        // The trigger id is unique per interaction; without one, the person, where they acted and when.
        var turnId = "act:" + (payload.Str("trigger_id")
            ?? string.Join(':', user, container.Str("message_ts") ?? payload.Obj("view").Str("id") ?? channel, actions.FirstOrDefault().Str("action_ts") ?? payload.Str("action_ts") ?? string.Empty));
        return new InboundWork(target, turnId, payload.Obj("user").Str("name"), text, text is null ? submissions : [], null);
    }

    /// <summary>
    /// The "Make an action" message shortcut (<c>message_action</c>), or null when it is not ours or lacks the
    /// workspace, channel or person. It carries a trigger id, so it runs at once (not from the durable queue);
    /// replies go in the message's thread, and through the response_url where the bot is not in the channel.
    /// </summary>
    public InboundWork? MessageAction(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var team = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id");
        var user = payload.Obj("user").Str("id");
        var channel = payload.Obj("channel").Str("id");
        var trigger = payload.Str("trigger_id");
        if (!string.Equals(payload.Str("callback_id"), SlackShortcutMessage.CallbackId, StringComparison.Ordinal)
            || team is null || user is null || channel is null || trigger is null
            || SlackShortcutMessage.Read(payload) is not { } message)
        {
            return null;
        }

        var target = new SlackTarget(team, channel, user)
        {
            EnterpriseId = EnterpriseOf(payload),
            TriggerId = trigger,
            ResponseUrl = ResponseUrl(payload.Str("response_url")),
            ThreadTs = SlackShortcutMessage.ThreadOf(payload),
            FromShortcut = true,
        };
        return new InboundWork(target, "act:" + trigger, payload.Obj("user").Str("name"), null, [], null) { FromMessage = message };
    }

    /// <summary>A response_url the bot may post to, or null.</summary>
    public Uri? ResponseUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && api.IsResponseUrl(url) ? url : null;

    /// <summary>The organisation of an interaction's workspace, when it belongs to one.</summary>
    public static string? EnterpriseOf(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Obj("enterprise").Str("id") ?? payload.Obj("team").Str("enterprise_id") ?? payload.Obj("user").Str("enterprise_id");
    }

    // Someone (or the bot itself) joined or left a channel the bot is in: keeps the group's roster current.
    private static InboundWork? Membership(JsonObject evt, SlackWorkspace workspace, string eventId, string? botUserId)
    {
        var joined = evt.Str("type") switch
        {
            "member_joined_channel" => true,
            "member_left_channel" => false,
            _ => (bool?)null,
        };
        if (joined is null || evt.Str("channel") is not { } channel || evt.Str("user") is not { } user || SlackAddress.IsDirectMessage(channel))
        {
            return null;
        }

        var target = new SlackTarget(workspace.TeamId, channel, user) { EnterpriseId = workspace.EnterpriseId };
        return new InboundWork(target, "evt:" + eventId, null, null, [], botUserId) { Joined = joined };
    }

    // Mentions in channels, people's own messages in a direct message with the bot, and plain channel
    // messages (not addressed: only an answer to an open question is kept, see SlackEventsEndpoint); never
    // the bot's own messages, other bots, or edits, joins and other subtypes. A channel message that
    // mentions the bot also arrives as app_mention, which is the one taken.
    private static bool IsForUs(JsonObject evt, string? botUserId, out bool addressed)
    {
        addressed = true;
        if (evt.Str("bot_id") is not null || evt.Str("subtype") is not null)
        {
            return false;
        }

        if (botUserId is not null && string.Equals(evt.Str("user"), botUserId, StringComparison.Ordinal))
        {
            return false;
        }

        switch (evt.Str("type"))
        {
            case "app_mention":
                return true;
            case "message" when string.Equals(evt.Str("channel_type"), "im", StringComparison.Ordinal):
                return true;
            case "message" when evt.Str("channel_type") is "channel" or "group":
                addressed = false;
                return botUserId is null || !(evt.Str("text") ?? string.Empty).Contains("<@" + botUserId, StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
