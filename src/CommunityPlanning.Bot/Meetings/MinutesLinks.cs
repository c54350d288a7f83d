using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Meetings;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Bot.Meetings;

/// <summary>
/// Minutes download links, <c>/minutes/{group}/{meeting}.md</c>, signed by the host's <see cref="LinkSigner"/>
/// for the purpose <see cref="Purpose"/>, so a link made for anything else never opens minutes.
/// </summary>
internal sealed class MinutesLinks(LinkSigner signer, IOptions<MinutesOptions> options) : IMinutesLinks
{
    /// <summary>The purpose minutes links are signed for.</summary>
    public const string Purpose = "minutes";

    /// <summary>The path of a meeting's minutes.</summary>
    public static string PathFor(string groupId, string meetingId) => $"/minutes/{groupId}/{meetingId}.md";

    /// <summary>The path of a meeting's minutes as a Word document (served by <c>PlanDocumentsApi</c>).</summary>
    public static string WordPathFor(string groupId, string meetingId) => $"/minutes/{groupId}/{meetingId}.docx";

    /// <inheritdoc />
    public Uri? For(string groupId, string meetingId, DateTimeOffset now) =>
        signer.Sign(PathFor(groupId, meetingId), Purpose, now + options.Value.LinkLifetime);

    /// <inheritdoc />
    public Uri? WordFor(string groupId, string meetingId, DateTimeOffset now) =>
        signer.Sign(WordPathFor(groupId, meetingId), Purpose, now + options.Value.LinkLifetime);

    /// <summary>Checks a Word minutes link's signature and expiry (the path tells it from the Markdown link).</summary>
    public LinkCheck CheckWord(string groupId, string meetingId, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(WordPathFor(groupId, meetingId), Purpose, expires, keyId, signature, now);

    /// <summary>Checks a minutes link's signature and expiry.</summary>
    public LinkCheck Check(string groupId, string meetingId, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(PathFor(groupId, meetingId), Purpose, expires, keyId, signature, now);
}
