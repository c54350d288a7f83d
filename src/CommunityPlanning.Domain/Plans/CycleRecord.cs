using System.Globalization;
using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Plans;

/// <summary>
/// A finished round of the nine steps, kept when the group carries its plan forward into a new cycle
/// (step 9): who completed each step and when, how many ticks there were, and what was carried forward.
/// Forms and actions are not copied: they stay where they are, so nothing recorded is lost.
/// </summary>
/// <param name="Number">The cycle's number: 1 for the first plan.</param>
/// <param name="StartedAt">When the cycle began.</param>
/// <param name="EndedAt">When it was carried forward.</param>
/// <param name="EndedBy">Who carried it forward.</param>
[GroupRecord(Kind)]
public sealed record CycleRecord(int Number, DateTimeOffset StartedAt, DateTimeOffset EndedAt, MemberRef EndedBy) : IGroupRecord
{
    /// <summary>The key kind of cycle records.</summary>
    public const string Kind = "cycle";

    /// <summary>The plan type during the cycle.</summary>
    public PlanType PlanType { get; init; }

    /// <summary>Each completed step: number, who and when.</summary>
    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    /// <summary>How many checklist items were ticked, over all steps.</summary>
    public int Ticks { get; init; }

    /// <summary>The actions step 9 marked to carry forward, by title.</summary>
    public IReadOnlyList<string> CarriedForward { get; init; } = [];

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Number);

    /// <summary>The key of a cycle's record.</summary>
    public static string KeyFor(int number) => RecordKeys.Of(Kind, number.ToString("000", CultureInfo.InvariantCulture));
}
