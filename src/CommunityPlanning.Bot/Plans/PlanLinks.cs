using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Plans;

namespace CommunityPlanning.Bot.Plans;

/// <summary>
/// Plan download links, signed by the host's <see cref="LinkSigner"/>: the plan as a Word document
/// (<c>/plans/{group}/plan.docx</c>, purpose <c>plandoc</c>) and the action plan as CSV
/// (<c>/plans/{group}/actions.csv</c>, purpose <c>actionscsv</c>). Both last <see cref="Lifetime"/>.
/// </summary>
internal sealed class PlanLinks(LinkSigner signer) : IPlanLinks
{
    /// <summary>The purpose Word document links are signed for.</summary>
    public const string DocumentPurpose = "plandoc";

    /// <summary>The purpose CSV links are signed for.</summary>
    public const string CsvPurpose = "actionscsv";

    /// <summary>How long a link works: as long as a minutes link, so a link shared before a meeting still opens at it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string DocumentPath(string groupId) => $"/plans/{groupId}/plan.docx";

    public static string CsvPath(string groupId) => $"/plans/{groupId}/actions.csv";

    /// <inheritdoc />
    public Uri? Document(string groupId, DateTimeOffset now) => signer.Sign(DocumentPath(groupId), DocumentPurpose, now + Lifetime);

    /// <inheritdoc />
    public Uri? ActionsCsv(string groupId, DateTimeOffset now) => signer.Sign(CsvPath(groupId), CsvPurpose, now + Lifetime);

    /// <summary>Checks a link's signature and expiry.</summary>
    public LinkCheck Check(string path, string purpose, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(path, purpose, expires, keyId, signature, now);
}
