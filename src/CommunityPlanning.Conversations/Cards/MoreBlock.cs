namespace CommunityPlanning.Conversations.Cards;

/// <summary>
/// Content folded away behind a "Show more" control, so a card stays short. Teams shows it in place
/// (<c>Action.ShowCard</c>); Slack, which cannot fold content, shows a button that sends
/// <see cref="Verb"/> with <see cref="Data"/>, and the bot answers with the same content.
/// </summary>
/// <param name="Title">The control's text, such as "Show more".</param>
/// <param name="Blocks">The folded content: text and facts only.</param>
/// <param name="Verb">The verb the Slack button sends.</param>
/// <param name="Data">Data sent back with the verb (always includes the group id).</param>
public sealed record MoreBlock(string Title, IReadOnlyList<CardBlock> Blocks, string Verb, IReadOnlyDictionary<string, string> Data) : CardBlock;
