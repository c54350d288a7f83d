using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Plans;

/// <summary>The steering group's plan: one per group.</summary>
/// <param name="CommunityName">The village, parish or town the plan is for.</param>
/// <param name="PlanType">The kind of plan.</param>
/// <param name="CurrentStep">The step the group is working on, 1 to 9.</param>
/// <param name="CreatedBy">Who started the plan.</param>
/// <param name="CreatedAt">When the plan was started.</param>
[GroupRecord(Kind)]
public sealed record PlanRecord(
    string CommunityName,
    PlanType PlanType,
    int CurrentStep,
    MemberRef CreatedBy,
    DateTimeOffset CreatedAt) : IGroupRecord
{
    /// <summary>The key kind (and the whole key) of the plan record.</summary>
    public const string Kind = "plan";

    /// <summary>The longest community name we accept.</summary>
    public const int MaxCommunityNameLength = 80;

    /// <summary>Whether the weekly digest of actions is posted to the group.</summary>
    public bool DigestEnabled { get; init; } = true;

    /// <summary>Which round of the nine steps the group is on: 1 until step 9 carries the plan forward.</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>When the current cycle began; null for the first, which began when the plan was started.</summary>
    public DateTimeOffset? CycleStartedAt { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;
}
