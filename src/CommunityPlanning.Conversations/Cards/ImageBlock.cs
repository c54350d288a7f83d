namespace CommunityPlanning.Conversations.Cards;

/// <summary>
/// A picture the channel fetches from <paramref name="Url"/> (a public address: Teams and Slack fetch it from their
/// own servers), with <paramref name="AltText"/> for screen readers. A card with a picture keeps its words too.
/// </summary>
/// <param name="Url">The picture's address.</param>
/// <param name="AltText">What the picture shows, in words.</param>
public sealed record ImageBlock(Uri Url, string AltText) : CardBlock;
