namespace CommunityPlanning.Conversations.Cards;

/// <summary>
/// A channel-neutral card: a title, blocks of content, and buttons. Teams renders it as an Adaptive
/// Card 1.5, Slack as Block Kit. All text is plain; renderers escape it for their channel.
/// </summary>
public sealed record Card
{
    /// <summary>The card's heading.</summary>
    public required string Title { get; init; }

    /// <summary>A line under the heading.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The content, top to bottom.</summary>
    public IReadOnlyList<CardBlock> Blocks { get; init; } = [];

    /// <summary>Buttons at the foot of the card.</summary>
    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>
    /// True when the buttons matter more than the content below them (the meeting card's "I'm here"):
    /// channels that can put buttons anywhere show them under the heading.
    /// </summary>
    public bool ActionsFirst { get; init; }

    /// <summary>
    /// True when the buttons are a list of choices of one kind (the step's forms): channels that can show
    /// them one under another do, so each title has the card's full width.
    /// </summary>
    public bool ActionsStacked { get; init; }

    /// <summary>
    /// True for a card the whole group works on together (checklist, meeting): when it changes it is
    /// updated in place for everyone.
    /// </summary>
    public bool Shared { get; init; }

    /// <summary>
    /// True when the inputs belong in the message itself, with the buttons that submit them (a question
    /// asked in the chat), rather than in a form that Slack opens as a modal.
    /// </summary>
    public bool InputsInMessage { get; init; }

    /// <summary>True when the card holds inputs to fill in on a form (Slack opens it as a modal).</summary>
    public bool IsForm => !InputsInMessage && Blocks.Any(b => b is InputBlock);
}
