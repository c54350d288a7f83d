using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>
/// The cards of <c>/playground/cards</c>: the gallery's script played once (on first request), each card
/// rendered by the same <see cref="AdaptiveCardRenderer"/> Teams gets its cards from.
/// </summary>
internal sealed class CardGallery(AdaptiveCardRenderer renderer, IProgressPictures pictures, TimeProvider clock)
{
    // Played once, on first request: the script takes a moment and its cards never change while the host runs.
    private readonly Lazy<Task<IReadOnlyList<GalleryCard>>> _cards = new(() => PlayAsync(renderer, new HostPictures(pictures, clock)));

    public Task<IReadOnlyList<GalleryCard>> CardsAsync(CancellationToken cancellationToken = default) =>
        _cards.Value.WaitAsync(cancellationToken);

    private static async Task<IReadOnlyList<GalleryCard>> PlayAsync(AdaptiveCardRenderer renderer, IProgressPictures pictures)
    {
        using var script = new GalleryScript(pictures);
        var played = await script.RunAsync().ConfigureAwait(false);
        return played.Select(c => new GalleryCard(c.Name, c.Caption, c.Card.IsForm, SameOriginImages.Rewrite(renderer.Render(c.Card)))).ToList();
    }

    // The script runs on a clock of its own, in the past: the host's links are signed on the host's clock, so they work.
    private sealed class HostPictures(IProgressPictures pictures, TimeProvider clock) : IProgressPictures
    {
        public Uri? For(ProgressMarks marks, DateTimeOffset now) => pictures.For(marks, clock.GetUtcNow());
    }

    /// <summary>The gallery as JSON for the page: name, caption, form or not, and the card.</summary>
    public async Task<JsonArray> ToJsonAsync(CancellationToken cancellationToken = default)
    {
        var list = new JsonArray();
        foreach (var card in await CardsAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new JsonObject
            {
                ["name"] = card.Name,
                ["caption"] = card.Caption,
                ["isForm"] = card.IsForm,
                ["card"] = card.Content.DeepClone(),
            });
        }

        return list;
    }
}
