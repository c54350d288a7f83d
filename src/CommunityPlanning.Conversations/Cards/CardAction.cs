namespace CommunityPlanning.Conversations.Cards;

/// <summary>How a button looks.</summary>
public enum ActionStyle
{
    /// <summary>An ordinary button.</summary>
    Default,

    /// <summary>The main, positive action.</summary>
    Positive,

    /// <summary>A destructive action.</summary>
    Destructive,
}

/// <summary>A button: a verb the bot understands, and data it carries back.</summary>
/// <param name="Title">The button text.</param>
/// <param name="Verb">The verb sent back.</param>
/// <param name="Data">Data sent back with the verb (always includes the group id).</param>
public sealed record CardAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>How it looks.</summary>
    public ActionStyle Style { get; init; } = ActionStyle.Default;

    /// <summary>True when the button submits the card's inputs (a form's Save button).</summary>
    public bool SubmitsInputs { get; init; }

    /// <summary>A web page the button opens instead of sending a verb back (see <see cref="Link"/>).</summary>
    public Uri? Url { get; init; }

    /// <summary>The verb of link buttons; the bot never receives it.</summary>
    public const string LinkVerb = "link.open";

    /// <summary>A button that opens a web page (a download, a document) in the person's browser.</summary>
    public static CardAction Link(string title, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new CardAction(title, LinkVerb, new Dictionary<string, string>()) { Url = url };
    }
}
