using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Protocol;

/// <summary>
/// Builds outgoing activities from neutral replies: text escaped for Teams markdown, people named as
/// real mentions (<c>&lt;at&gt;Name&lt;/at&gt;</c> plus a mention entity, so Teams notifies them), cards
/// as Adaptive Card attachments.
/// </summary>
public sealed class ReplyActivityBuilder(AdaptiveCardRenderer renderer)
{
    /// <summary>The outgoing message activity for a reply in a conversation.</summary>
    public Activity Build(Reply reply, Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(inbound);
        return Build(reply, inbound.Conversation!, inbound.Recipient, inbound.From, inbound.ChannelId, inbound.ServiceUrl);
    }

    /// <summary>The outgoing message activity for a reply, addressed explicitly (proactive sends).</summary>
    public Activity Build(Reply reply, ConversationAccount conversation, ChannelAccount? bot, ChannelAccount? recipient, string? channelId, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = new Activity
        {
            Type = "message",
            ChannelId = channelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id, TenantId = conversation.TenantId },
            From = bot is null ? null : new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Recipient = recipient is null ? null : new ChannelAccount { Id = recipient.Id, Name = recipient.Name },
        };

        if (!string.IsNullOrEmpty(reply.Text))
        {
            if (reply.Mentions.Count == 0 || reply.NamesOnly)
            {
                // Nothing to format: sent as plain text, so no client shows an escape character.
                activity.Text = MentionText.Render(reply.Text, reply.Mentions, static plain => plain, static person => person.Name);
                activity.TextFormat = "plain";
            }
            else
            {
                var entities = new List<JsonElement>();
                // Escape the whole text first (the tokens pass through untouched), then put the mentions in:
                // escaping each run between mentions on its own would drop the spaces around them.
                activity.Text = MentionText.Render(AdaptiveText.Escape(reply.Text), reply.Mentions, static plain => plain, person => Mention(person, entities));
                activity.TextFormat = "markdown";
                activity.Entities = entities.Count > 0 ? entities : null;
            }
        }

        if (reply.Card is not null)
        {
            activity.Attachments = [CardAttachment(renderer.Render(reply.Card))];
        }

        return activity;
    }

    /// <summary>An Adaptive Card as an attachment.</summary>
    public static Attachment CardAttachment(JsonObject card) => new()
    {
        ContentType = AdaptiveCardRenderer.ContentType,
        Content = JsonSerializer.SerializeToElement(card, CardJson.Default.JsonObject),
    };

    private static string Mention(MemberRef person, List<JsonElement> entities)
    {
        var markup = $"<at>{AdaptiveText.Escape(person.Name)}</at>";
        var entity = new JsonObject
        {
            ["type"] = "mention",
            ["text"] = markup,
            ["mentioned"] = new JsonObject { ["id"] = person.Id, ["name"] = person.Name },
        };
        entities.Add(JsonSerializer.SerializeToElement(entity, CardJson.Default.JsonObject));
        return markup;
    }
}

/// <summary>Source-generated JSON for card nodes.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class CardJson : System.Text.Json.Serialization.JsonSerializerContext;
