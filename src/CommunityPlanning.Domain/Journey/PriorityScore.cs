using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>One member's scores for one issue in step 5, each 1 (low) to 5 (high).</summary>
/// <param name="Step">The step whose form holds the issue (4 for step 4's issues, 5 for extra ones).</param>
/// <param name="IssueRowId">The issue's row id in that form.</param>
/// <param name="Member">Who scored.</param>
/// <param name="Importance">How important, 1–5.</param>
/// <param name="Urgency">How urgent, 1–5.</param>
/// <param name="Feasibility">How doable, 1–5.</param>
/// <param name="At">When they scored.</param>
[GroupRecord(Kind)]
public sealed record PriorityScore(
    int Step,
    string IssueRowId,
    MemberRef Member,
    int Importance,
    int Urgency,
    int Feasibility,
    DateTimeOffset At) : IGroupRecord
{
    /// <summary>The key kind of scores.</summary>
    public const string Kind = "vote";

    /// <summary>The lowest score.</summary>
    public const int Lowest = 1;

    /// <summary>The highest score.</summary>
    public const int Highest = 5;

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Step, IssueRowId, Member.Id);

    /// <summary>The key of a member's scores for an issue.</summary>
    public static string KeyFor(int step, string issueRowId, string userId) =>
        RecordKeys.Of(Kind, RecordKeys.Step(step), issueRowId, userId);

    /// <summary>The prefix of every score.</summary>
    public static string Prefix => Kind + RecordKeys.Separator;

    /// <summary>True when a score is within 1–5.</summary>
    public static bool IsValid(int score) => score is >= Lowest and <= Highest;
}
