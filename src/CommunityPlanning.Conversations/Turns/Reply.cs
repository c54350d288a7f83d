using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Turns;

/// <summary>How a reply is delivered.</summary>
public enum ReplyMode
{
    /// <summary>A new message in the conversation.</summary>
    New,

    /// <summary>Replaces the card the action came from, for everyone.</summary>
    ReplaceSource,

    /// <summary>Shown only to the person who acted (Teams: the invoke response; Slack: ephemeral or modal).</summary>
    Private,
}

/// <summary>
/// Something the bot says: plain text, a card, or both. Text is plain (never markup): adapters escape it.
/// People are named with <see cref="Mentions"/> tokens (<see cref="MentionText.Token"/>) so each channel
/// can render a real mention that notifies them.
/// </summary>
public sealed record Reply
{
    /// <summary>Plain text, possibly with mention tokens.</summary>
    public string? Text { get; init; }

    /// <summary>A card.</summary>
    public Card? Card { get; init; }

    /// <summary>People named in <see cref="Text"/> by token, in token order.</summary>
    public IReadOnlyList<MemberRef> Mentions { get; init; } = [];

    /// <summary>
    /// True when <see cref="Mentions"/> only name people (an action's owner in a confirmation), not call them:
    /// Slack shows a member as <c>&lt;@U…&gt;</c>, its usual way of naming someone; Teams shows the plain name,
    /// since an <c>&lt;at&gt;</c> mention there would notify them.
    /// </summary>
    public bool NamesOnly { get; init; }

    /// <summary>How it is delivered.</summary>
    public ReplyMode Mode { get; init; } = ReplyMode.New;

    /// <summary>
    /// A name for the message this reply becomes (e.g. an open meeting's card). The channel's id for the
    /// sent message is remembered under it, so a later turn can replace that message for everyone.
    /// </summary>
    public string? Anchor { get; init; }

    /// <summary>
    /// The channel's id of an earlier message (remembered under an <see cref="Anchor"/>) that this reply
    /// replaces for everyone. When it can no longer be replaced, the reply is posted as a new message.
    /// </summary>
    public string? ReplacesMessageId { get; init; }

    /// <summary>A plain text reply.</summary>
    public static Reply Say(string text) => new() { Text = text };

    /// <summary>A card reply.</summary>
    public static Reply Show(Card card) => new() { Card = card };
}
