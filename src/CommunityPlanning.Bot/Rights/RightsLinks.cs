using CommunityPlanning.Bot.Links;
using CommunityPlanning.Conversations.Rights;

namespace CommunityPlanning.Bot.Rights;

/// <summary>
/// Data-rights download links, signed by the host's <see cref="LinkSigner"/>: a person's data
/// (<c>/rights/mydata/{personKey}.json</c>, purpose <c>mydata</c>) and a group's export
/// (<c>/rights/export/{groupId}.zip</c>, purpose <c>export</c>). Both last <see cref="Lifetime"/>.
/// </summary>
internal sealed class RightsLinks(LinkSigner signer) : IRightsLinks
{
    /// <summary>The purpose "my data" links are signed for.</summary>
    public const string MyDataPurpose = "mydata";

    /// <summary>The purpose export links are signed for.</summary>
    public const string ExportPurpose = "export";

    /// <summary>How long a link works: long enough to open it later the same day, short for files this personal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static string MyDataPath(string personKey) => $"/rights/mydata/{personKey}.json";

    public static string ExportPath(string groupId) => $"/rights/export/{groupId}.zip";

    /// <inheritdoc />
    public Uri? MyData(string personKey, DateTimeOffset now) => signer.Sign(MyDataPath(personKey), MyDataPurpose, now + Lifetime);

    /// <inheritdoc />
    public Uri? Export(string groupId, DateTimeOffset now) => signer.Sign(ExportPath(groupId), ExportPurpose, now + Lifetime);

    /// <summary>Checks a link's signature and expiry.</summary>
    public LinkCheck Check(string path, string purpose, string? expires, string? keyId, string? signature, DateTimeOffset now) =>
        signer.Check(path, purpose, expires, keyId, signature, now);
}
