namespace CommunityPlanning.Conversations.Features;

/// <summary>Messages used across features, in plain en-GB. Each says what to do next.</summary>
public static class Messages
{
    /// <summary>A card from another group's plan was used here.</summary>
    public const string ForeignCard = "That card belongs to a different group's plan, so I can't use it here. Type \"checklist\" or \"progress\" to get this group's cards.";

    /// <summary>A button the bot does not know.</summary>
    public const string UnknownButton = "Sorry, that button is from an older version of me and no longer works. Type \"help\" to see what I can do.";

    /// <summary>An empty message.</summary>
    public const string EmptyMessage = "Hello! Type \"help\" to see what I can do.";

    /// <summary>Too many people changing things at once.</summary>
    public const string Busy = "Lots of people are changing the plan at the same moment, so I couldn't save that. Please try again.";

    /// <summary>A change too large to store.</summary>
    public const string TooLarge = "That's more than I can save in one go. Please shorten it or split it into smaller parts.";

    /// <summary>A plan is needed first.</summary>
    public const string NoPlanYet = "This group hasn't started its plan yet. Type \"start\" to begin — it takes a minute.";

    /// <summary>Something the bot didn't understand.</summary>
    public static string NotUnderstood(string text) =>
        $"Sorry, I didn't understand \"{Shorten(text, 60)}\". Type \"help\" to see the things I can do.";

    /// <summary>Cuts text to a length for quoting back, with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
