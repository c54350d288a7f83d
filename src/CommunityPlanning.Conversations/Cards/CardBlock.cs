using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Cards;

/// <summary>A block of content on a card.</summary>
public abstract record CardBlock;

/// <summary>How a text block looks.</summary>
public enum TextTone
{
    /// <summary>Ordinary text.</summary>
    Normal,

    /// <summary>A small heading.</summary>
    Heading,

    /// <summary>Quieter, secondary text.</summary>
    Subtle,

    /// <summary>Good news (done, on track): shown with a sign, in the ordinary colour.</summary>
    Good,

    /// <summary>A warning (overdue, missing): shown with ⚠️, in the ordinary colour.</summary>
    Warning,

    /// <summary>Something went wrong or must be put right (answers refused): the only coloured text.</summary>
    Error,
}

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The text; line breaks are kept.</param>
/// <param name="Tone">How it looks.</param>
public sealed record TextBlock(string Text, TextTone Tone = TextTone.Normal) : CardBlock
{
    /// <summary>
    /// The person the whole text names (a heading over an owner's actions), so a channel that can show a
    /// real mention does (Slack <c>&lt;@U…&gt;</c>); others show <see cref="Text"/>.
    /// </summary>
    public MemberRef? Person { get; init; }
}

/// <summary>Label and value pairs.</summary>
/// <param name="Facts">The pairs, in order.</param>
public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : CardBlock;

/// <summary>One label and value.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">Its value.</param>
public sealed record Fact(string Label, string Value)
{
    /// <summary>
    /// The person the value names (an action's owner), so a channel that can show a real mention does
    /// (Slack <c>&lt;@U…&gt;</c>); others show <see cref="Value"/>.
    /// </summary>
    public MemberRef? Person { get; init; }

    /// <summary>A link shown after the value ("from a message by Sam", opening the message), or null.</summary>
    public FactLink? Link { get; init; }
}

/// <summary>A link in a fact's value.</summary>
/// <param name="Text">What the link says (plain text).</param>
/// <param name="Url">The https page it opens.</param>
public sealed record FactLink(string Text, Uri Url);

/// <summary>
/// A checklist anyone can tick. Ticking item X sends <see cref="Verb"/> with <see cref="Data"/> plus
/// <c>item</c> = X and <c>done</c> = "true" or "false" (the state wanted), so a stale card never
/// undoes someone else's tick.
/// </summary>
/// <param name="Verb">The action verb for a tick.</param>
/// <param name="Data">Data common to every tick (group, step…).</param>
/// <param name="Items">The items.</param>
public sealed record ChecklistBlock(string Verb, IReadOnlyDictionary<string, string> Data, IReadOnlyList<ChecklistEntry> Items) : CardBlock
{
    /// <summary>The data key naming the item ticked.</summary>
    public const string ItemKey = "item";

    /// <summary>The data key holding the wanted state.</summary>
    public const string DoneKey = "done";
}

/// <summary>One checklist item.</summary>
/// <param name="Id">The item's stable id.</param>
/// <param name="Text">The item.</param>
/// <param name="Done">Whether it is ticked.</param>
/// <param name="Detail">Who ticked it and when, or another note.</param>
public sealed record ChecklistEntry(string Id, string Text, bool Done, string? Detail = null);

/// <summary>A form input.</summary>
/// <param name="Input">The input.</param>
public sealed record InputBlock(InputField Input) : CardBlock;
