namespace CommunityPlanning.Conversations.Actions;

/// <summary>The message an action was made from: who wrote it, and a link back to it when the channel gave one.</summary>
/// <param name="By">The author's display name.</param>
/// <param name="Link">An https link to the message, or null.</param>
public sealed record MessageOrigin(string By, Uri? Link)
{
    /// <summary>The start of the message, quoted under the new action; null when there is none.</summary>
    public string? Quote { get; init; }
}
