using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Bot.Progress;

/// <summary>
/// Progress picture links, <c>/progress/{marks}.png</c>, signed by the host's <see cref="LinkSigner"/> for the
/// purpose <see cref="Purpose"/>. The path names the step marks (<see cref="ProgressMarks.Code"/>), so the signature
/// covers the state drawn and the endpoint needs no storage. The picture holds nothing about the group but which
/// steps are done, so links last long (cards stay in the chat's history), and expire at a midnight (UTC) so a plan
/// that stands still gets the same address all day, which Teams, Slack and browsers can cache.
/// </summary>
internal sealed class ProgressPictureLinks(LinkSigner signer) : IProgressPictures
{
    /// <summary>The purpose progress pictures are signed for.</summary>
    public const string Purpose = "progress";

    /// <summary>How long a link works at least.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The path of the picture of <paramref name="code"/>.</summary>
    public static string PathFor(string code) => $"/progress/{code}.png";

    /// <inheritdoc />
    public Uri? For(ProgressMarks marks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return signer.Sign(PathFor(marks.Code), Purpose, ExpiryFor(now));
    }

    /// <summary>The expiry of a link made at <paramref name="now"/>: the first UTC midnight at least <see cref="Lifetime"/> later.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset now)
    {
        var earliest = now.ToUniversalTime() + Lifetime;
        var midnight = new DateTimeOffset(earliest.Date, TimeSpan.Zero);
        return midnight == earliest ? midnight : midnight.AddDays(1);
    }

    /// <summary>Checks a picture link's signature and expiry.</summary>
    public LinkCheck Check(string code, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(PathFor(code), Purpose, expires, keyId, signature, now);
}
