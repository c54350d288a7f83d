using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Conversations.Turns;

/// <summary>The channel's id of a message the bot sent under an anchor (see <see cref="Reply.Anchor"/>).</summary>
/// <param name="Anchor">The anchor, e.g. <c>meeting|202603141900ab</c>.</param>
/// <param name="MessageId">The channel's id for the message (Teams activity id, Slack ts).</param>
/// <param name="SentAt">When it was sent.</param>
[GroupRecord(Kind)]
public sealed record SentMessageRecord(string Anchor, string MessageId, DateTimeOffset SentAt) : IGroupRecord
{
    /// <summary>The key kind of sent-message records.</summary>
    public const string Kind = "sent";

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Anchor);

    /// <summary>The key of an anchor's record.</summary>
    public static string KeyFor(string anchor) => RecordKeys.Of(Kind, anchor);
}
