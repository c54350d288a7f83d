namespace CommunityPlanning.Conversations.Outbox;

/// <summary>
/// Renders a turn's replies for the channel the turn came from. The adapter makes one per request (it knows
/// the request's details: where to answer, which message a card action came from); what it renders is stored
/// in the outbox and sent later by the channel's <see cref="IOutboundChannel"/>.
/// </summary>
public interface IReplyRenderer
{
    /// <summary>The channel that sends what this renderer makes (matched with <see cref="IOutboundChannel.Serves"/>).</summary>
    string Channel { get; }

    /// <summary>The messages (one per channel call, in order) that carry out one planned reply; never an inline one.</summary>
    IReadOnlyList<string> Render(PlannedReply reply);
}

/// <summary>Sends rendered messages for a channel (Teams, the playground, Slack).</summary>
public interface IOutboundChannel
{
    /// <summary>True when this channel sends messages rendered for <paramref name="channel"/>.</summary>
    bool Serves(string channel);

    /// <summary>
    /// Makes one channel call. Never throws for the channel's or the network's failures: they come back as
    /// <see cref="DeliveryStatus.Retry"/> (worth trying again) or <see cref="DeliveryStatus.Failed"/> (never will work).
    /// </summary>
    Task<DeliveryResult> DeliverAsync(string message, CancellationToken cancellationToken = default);
}

/// <summary>How a delivery ended.</summary>
public enum DeliveryStatus
{
    /// <summary>The channel accepted it.</summary>
    Delivered,

    /// <summary>A passing failure (network, timeout, 5xx, rate limit): try again later.</summary>
    Retry,

    /// <summary>Refused for good (not installed, not found, bad request): drop it.</summary>
    Failed,
}

/// <summary>The result of one channel call.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="MessageId">The channel's id of a newly posted message (for anchors).</param>
/// <param name="RetryAfter">How long the channel asked us to wait.</param>
/// <param name="Reason">A short code for logs (status, error code); never message text.</param>
public sealed record DeliveryResult(DeliveryStatus Status, string? MessageId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    /// <summary>Delivered, with the new message's id if one was posted.</summary>
    public static DeliveryResult Done(string? messageId = null) => new(DeliveryStatus.Delivered, messageId);

    /// <summary>Try again later.</summary>
    public static DeliveryResult Later(string reason, TimeSpan? retryAfter = null) => new(DeliveryStatus.Retry, null, retryAfter, reason);

    /// <summary>Give up.</summary>
    public static DeliveryResult Refused(string reason) => new(DeliveryStatus.Failed, null, null, reason);
}
