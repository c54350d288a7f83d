namespace CommunityPlanning.Conversations.Plans;

/// <summary>
/// Makes the signed, expiring links people use to download the plan as a Word document and the action plan as
/// CSV. The host supplies it (it knows its public address and the signing keys); without one, no links are offered.
/// </summary>
public interface IPlanLinks
{
    /// <summary>A link to the group's plan as a Word document, valid from <paramref name="now"/> for a while, or null.</summary>
    Uri? Document(string groupId, DateTimeOffset now);

    /// <summary>A link to the group's action plan as CSV, or null.</summary>
    Uri? ActionsCsv(string groupId, DateTimeOffset now);
}

/// <summary>The stand-in until the host registers real links: none.</summary>
internal sealed class NoPlanLinks : IPlanLinks
{
    public Uri? Document(string groupId, DateTimeOffset now) => null;

    public Uri? ActionsCsv(string groupId, DateTimeOffset now) => null;
}
