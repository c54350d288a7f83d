using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Protocol;

/// <summary>Why an activity could not become a turn.</summary>
public enum InboundProblem
{
    /// <summary>No problem.</summary>
    None,

    /// <summary>Required fields are missing: answer 400.</summary>
    Malformed,

    /// <summary>A type the bot ignores (typing, reactions…): answer 200 and do nothing.</summary>
    Ignored,
}

/// <summary>
/// Turns an authenticated Bot Framework activity into a channel-neutral <see cref="Turn"/>: trusts the
/// mention entities, strips the bot's own mention, keeps other mentions as people.
/// </summary>
public sealed partial class InboundActivityMapper(AdaptiveCardSubmissionReader submissions, MessageActionReader messageActions, TimeProvider clock)
{
    /// <summary>The invoke name of Universal Actions.</summary>
    public const string AdaptiveCardInvoke = "adaptiveCard/action";

    /// <summary>Maps an activity; <paramref name="problem"/> says why when the result is null.</summary>
    public Turn? Map(Activity activity, out InboundProblem problem)
    {
        ArgumentNullException.ThrowIfNull(activity);
        problem = InboundProblem.Malformed;
        if (string.IsNullOrWhiteSpace(activity.Type) || string.IsNullOrWhiteSpace(activity.ChannelId)
            || string.IsNullOrWhiteSpace(activity.ServiceUrl) || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || activity.From?.Id is not { Length: > 0 } fromId)
        {
            return null;
        }

        var tenant = activity.Conversation.TenantId ?? ReadTenant(activity.ChannelData) ?? string.Empty;
        var turn = new Turn
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationKey(activity.ChannelId, tenant, ThreadRoot(conversationId)),
            From = new MemberRef(fromId, Clean(activity.From.Name) is { Length: > 0 } name ? name : "Someone"),
            FromDirectoryId = activity.From.AadObjectId,
            TurnId = activity.Id,
            Timestamp = activity.Timestamp ?? clock.GetUtcNow(),
            IsPersonal = string.Equals(activity.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
                || activity.Conversation.IsGroup == false && activity.Conversation.ConversationType is null && activity.ChannelId != "webchat",
            Address = Address(activity, tenant),
        };

        problem = InboundProblem.None;
        switch (activity.Type)
        {
            case "message" when activity.Value is { ValueKind: JsonValueKind.Object } value:
                return submissions.TryRead(value, out var submitted) ? turn with { Kind = TurnKind.Submit, Submission = submitted } : Fail(out problem);
            case "message":
                var (text, mentions, mentionsBot) = ReadMentions(activity);
                return turn with { Text = text, Mentions = mentions, Addressed = mentionsBot || !IsShared(activity) };
            case "invoke" when activity.Name == AdaptiveCardInvoke && activity.Value is { ValueKind: JsonValueKind.Object } invoke:
                return submissions.TryRead(invoke, out var executed) ? turn with { Kind = TurnKind.Submit, Submission = executed } : Fail(out problem);
            case "invoke" when MessageActionReader.IsMessageAction(activity):
                return messageActions.Read(activity, turn) ?? Fail(out problem);
            case "conversationUpdate":
                return MapMembers(activity, turn, out problem);
            case "installationUpdate" when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                return turn with { Kind = TurnKind.BotAdded };
            case "installationUpdate" when string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase):
                return turn with { Kind = TurnKind.BotRemoved };
            case "event" when activity.Name == "application/vnd.microsoft.meetingStart":
                return turn with { Kind = TurnKind.MeetingStarted };
            case "event" when activity.Name == "application/vnd.microsoft.meetingEnd":
                return turn with { Kind = TurnKind.MeetingEnded };
            default:
                problem = InboundProblem.Ignored;
                return null;
        }
    }

    private static Turn? MapMembers(Activity activity, Turn turn, out InboundProblem problem)
    {
        problem = InboundProblem.None;
        var botId = activity.Recipient?.Id;
        var added = (activity.MembersAdded ?? []).Where(m => m.Id is { Length: > 0 }).ToList();
        var removed = (activity.MembersRemoved ?? []).Where(m => m.Id is { Length: > 0 }).ToList();
        if (added.Any(m => m.Id == botId))
        {
            return turn with { Kind = TurnKind.BotAdded };
        }

        if (added.Count > 0)
        {
            return turn with { Kind = TurnKind.MembersAdded, MembersChanged = added.Select(People).ToList() };
        }

        if (removed.Any(m => m.Id == botId))
        {
            return turn with { Kind = TurnKind.BotRemoved };
        }

        if (removed.Count > 0)
        {
            return turn with { Kind = TurnKind.MembersRemoved, MembersChanged = removed.Select(People).ToList() };
        }

        problem = InboundProblem.Ignored;
        return null;
    }

    private static MemberRef People(ChannelAccount account) => new(account.Id!, Clean(account.Name) is { Length: > 0 } n ? n : "Someone");

    // A Teams channel or group chat, where the bot (with resource-specific consent) also receives messages
    // not meant for it. Personal chats, the Emulator and the playground only carry messages to the bot.
    private static bool IsShared(Activity activity) =>
        activity.Conversation?.ConversationType is { } type
        && (string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "groupChat", StringComparison.OrdinalIgnoreCase));

    private static (string Text, IReadOnlyList<MemberRef> Mentions, bool MentionsBot) ReadMentions(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var mentionsBot = false;
        var mentions = new List<MemberRef>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || StringOf(entity, "type") != "mention"
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var id = StringOf(mentioned, "id");
            var name = StringOf(mentioned, "name");
            var markup = StringOf(entity, "text");
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (id == botId)
            {
                mentionsBot = true;
                text = markup is { Length: > 0 } ? text.Replace(markup, " ", StringComparison.Ordinal) : text;
                continue;
            }

            var person = new MemberRef(id, Clean(name) is { Length: > 0 } n ? n : "Someone");
            if (mentions.All(m => m.Id != id))
            {
                mentions.Add(person);
            }

            if (markup is { Length: > 0 })
            {
                text = text.Replace(markup, person.Name, StringComparison.Ordinal);
            }
        }

        // Any <at> tags left (a bot mention without an entity, in some clients) are dropped as markup.
        text = AtTags().Replace(text, m => m.Groups[1].Value);
        return (Clean(System.Net.WebUtility.HtmlDecode(text)), mentions, mentionsBot);
    }

    private static Dictionary<string, string> Address(Activity activity, string tenant)
    {
        var address = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TeamsAddress.ServiceUrl] = activity.ServiceUrl!,
            // The channel itself, not the thread this message is in: proactive posts start their own thread,
            // and the stored reference does not change with every thread people use.
            [TeamsAddress.ConversationId] = ThreadRoot(activity.Conversation!.Id!),
            [TeamsAddress.ChannelId] = activity.ChannelId!,
        };
        if (tenant.Length > 0)
        {
            address[TeamsAddress.TenantId] = tenant;
        }

        if (ReadTeam(activity.ChannelData) is { Length: > 0 } team)
        {
            address[TeamsAddress.TeamId] = team;
        }

        if (activity.Recipient?.Id is { Length: > 0 } botId)
        {
            address[TeamsAddress.BotId] = botId;
            address[TeamsAddress.BotName] = activity.Recipient.Name ?? "PlanBot";
        }

        return address;
    }

    private static string? ReadTenant(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            ? StringOf(tenant, "id")
            : null;

    private static string? ReadTeam(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            ? StringOf(team, "id")
            : null;

    // Every field of a JsonElement is read by its kind: a number where a string belongs is "absent", never
    // an exception (which would be a 500 and a redelivery).
    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A Teams channel post's replies carry ";messageid=…": the whole channel is one steering group.
    private static string ThreadRoot(string conversationId)
    {
        var at = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    private static string Clean(string? text) => MentionText.Clean(text ?? string.Empty).Trim();

    private static Turn? Fail(out InboundProblem problem)
    {
        problem = InboundProblem.Malformed;
        return null;
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTags();
}
