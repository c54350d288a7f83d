using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>One card of the gallery, as Teams receives it.</summary>
/// <param name="Name">A short, stable name (file names of the screenshots use it).</param>
/// <param name="Caption">What the card is, for people reading the gallery.</param>
/// <param name="IsForm">True for a card people fill in (forms may be taller than a phone screen).</param>
/// <param name="Content">The Adaptive Card, rendered by the bot's own renderer.</param>
internal sealed record GalleryCard(string Name, string Caption, bool IsForm, JsonObject Content);
