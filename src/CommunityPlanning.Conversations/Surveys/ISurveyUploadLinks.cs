namespace CommunityPlanning.Conversations.Surveys;

/// <summary>
/// Makes the signed, expiring link to the page where an officer uploads a survey export for the group. The host
/// supplies it (it knows its public address and the signing keys); without one, <c>survey upload</c> says so.
/// </summary>
public interface ISurveyUploadLinks
{
    /// <summary>How long a link works.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>An upload link for the group, valid from <paramref name="now"/>, or null when links are not available.</summary>
    Uri? For(string groupId, DateTimeOffset now);
}

/// <summary>The stand-in until the host registers real links: none.</summary>
internal sealed class NoSurveyUploadLinks : ISurveyUploadLinks
{
    public TimeSpan Lifetime => TimeSpan.Zero;

    public Uri? For(string groupId, DateTimeOffset now) => null;
}
