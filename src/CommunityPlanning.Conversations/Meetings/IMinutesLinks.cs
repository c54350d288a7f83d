namespace CommunityPlanning.Conversations.Meetings;

/// <summary>
/// Makes the signed, expiring link people use to download a meeting's minutes as Markdown. The host supplies
/// it (it knows its public address and the signing key); without one, minutes cards carry no link.
/// </summary>
public interface IMinutesLinks
{
    /// <summary>A download link valid from <paramref name="now"/> for a while, or null when links are not available.</summary>
    Uri? For(string groupId, string meetingId, DateTimeOffset now);

    /// <summary>A link to the same minutes as a Word document, or null when links are not available.</summary>
    Uri? WordFor(string groupId, string meetingId, DateTimeOffset now);
}

/// <summary>The stand-in until the host registers real links: none.</summary>
internal sealed class NoMinutesLinks : IMinutesLinks
{
    public Uri? For(string groupId, string meetingId, DateTimeOffset now) => null;

    public Uri? WordFor(string groupId, string meetingId, DateTimeOffset now) => null;
}
