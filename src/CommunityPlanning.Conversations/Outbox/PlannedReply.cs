using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Outbox;

/// <summary>How a reply reaches the conversation.</summary>
public enum DeliveryAction
{
    /// <summary>A new message.</summary>
    Post,

    /// <summary>Replaces an earlier message for everyone (<see cref="PlannedReply.MessageId"/>).</summary>
    Update,

    /// <summary>Only for the person who acted (Slack ephemeral; in Teams outside an invoke, a message).</summary>
    Private,

    /// <summary>In the channel's answer to the request itself (the Teams invoke response).</summary>
    Inline,
}

/// <summary>A reply with the way it is to be delivered, decided by <see cref="DeliveryRules"/>.</summary>
/// <param name="Reply">The reply.</param>
/// <param name="Action">How it is delivered.</param>
/// <param name="MessageId">For <see cref="DeliveryAction.Update"/>: the message to replace.</param>
public sealed record PlannedReply(Reply Reply, DeliveryAction Action, string? MessageId = null)
{
    /// <summary>For an update: post the reply as a new message when the earlier one can no longer be replaced.</summary>
    public bool PostIfUpdateFails { get; init; }
}
