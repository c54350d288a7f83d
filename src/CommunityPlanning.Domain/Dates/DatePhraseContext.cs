namespace CommunityPlanning.Domain.Dates;

/// <summary>Facts about the steering group that some date phrases depend on.</summary>
/// <param name="NextMeeting">
/// The date of the group's next planned meeting, for "by the next meeting"; <see langword="null"/> when none is planned.
/// </param>
public sealed record DatePhraseContext(DateOnly? NextMeeting = null);
