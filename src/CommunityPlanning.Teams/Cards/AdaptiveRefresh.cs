namespace CommunityPlanning.Teams.Cards;

/// <summary>
/// A card's <c>refresh</c> (Universal Actions user-specific views): when one of <see cref="UserIds"/>
/// opens the card, Teams fires this action by itself (trigger <c>automatic</c>) and shows that person the
/// card the bot answers with, e.g. their own priority scores. Automatic actions are never PUT for everyone.
/// </summary>
/// <remarks>
/// Deliberately not part of the neutral card model: Conversations is shared by every channel, and only
/// Teams has per-person views of one message. A feature that needs one renders through
/// <see cref="AdaptiveCardRenderer.Render(Conversations.Cards.Card, AdaptiveRefresh)"/>.
/// </remarks>
/// <param name="Verb">The verb the refresh action carries.</param>
/// <param name="Data">Its data (include the group id, as on every card action).</param>
/// <param name="UserIds">Who gets their own view (Teams 29:… ids), at most <see cref="MaxUserIds"/>.</param>
public sealed record AdaptiveRefresh(string Verb, IReadOnlyDictionary<string, string> Data, IReadOnlyList<string> UserIds)
{
    /// <summary>The most people Teams refreshes a card for.</summary>
    public const int MaxUserIds = 60;
}
