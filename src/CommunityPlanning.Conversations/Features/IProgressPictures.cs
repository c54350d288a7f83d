using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Conversations.Features;

/// <summary>
/// Makes the signed, expiring link to the picture of a plan's progress (the nine steps across L-E-A-D). The host
/// supplies it (it draws the picture and knows its public address and the signing key); without one, the progress
/// card has no picture.
/// </summary>
public interface IProgressPictures
{
    /// <summary>A link to the picture of <paramref name="marks"/>, valid from <paramref name="now"/> for a while, or null when pictures are not available.</summary>
    Uri? For(ProgressMarks marks, DateTimeOffset now);
}

/// <summary>The stand-in until the host registers real pictures: none.</summary>
internal sealed class NoProgressPictures : IProgressPictures
{
    public Uri? For(ProgressMarks marks, DateTimeOffset now) => null;
}
