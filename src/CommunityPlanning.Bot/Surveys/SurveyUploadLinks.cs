using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Surveys;

namespace CommunityPlanning.Bot.Surveys;

/// <summary>
/// Survey upload links, <c>/surveys/upload/{groupId}</c>, signed by the host's <see cref="LinkSigner"/> for the
/// purpose <see cref="Purpose"/> and lasting <see cref="LinkLifetime"/>: long enough to export the survey and upload it
/// the same day, short for a link that changes the group's records.
/// </summary>
internal sealed class SurveyUploadLinks(LinkSigner signer) : ISurveyUploadLinks
{
    /// <summary>The purpose upload links are signed for.</summary>
    public const string Purpose = "survey-upload";

    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public TimeSpan Lifetime => LinkLifetime;

    /// <summary>The path of a group's upload page.</summary>
    public static string PathFor(string groupId) => $"/surveys/upload/{groupId}";

    /// <inheritdoc />
    public Uri? For(string groupId, DateTimeOffset now) => signer.Sign(PathFor(groupId), Purpose, now + LinkLifetime);

    /// <summary>Checks an upload link's signature and expiry.</summary>
    public LinkCheck Check(string groupId, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(PathFor(groupId), Purpose, expires, keyId, signature, now);
}
