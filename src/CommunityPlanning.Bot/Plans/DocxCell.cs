namespace CommunityPlanning.Bot.Plans;

/// <summary>A table cell for <see cref="DocxWriter"/>: its text, and a smaller second line (linked when a link is given).</summary>
/// <param name="Text">What the cell says.</param>
/// <param name="Note">A second line under it, or null.</param>
/// <param name="Link">Where the second line links to, or null.</param>
internal sealed record DocxCell(string Text, string? Note = null, Uri? Link = null);
