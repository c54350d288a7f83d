using System.Text.Json.Serialization;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Plans;

/// <summary>What the group has recorded about a step as a whole.</summary>
/// <param name="Step">The step number, 1 to 9.</param>
/// <param name="Completed">True once the step has been marked complete.</param>
[GroupRecord(Kind)]
public sealed record StepRecord(int Step, bool Completed) : IGroupRecord
{
    /// <summary>The key kind of step records.</summary>
    public const string Kind = "step";

    /// <summary>Who marked the step complete.</summary>
    public MemberRef? CompletedBy { get; init; }

    /// <summary>When the step was marked complete.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Who last reopened the step, if anyone.</summary>
    public MemberRef? ReopenedBy { get; init; }

    /// <summary>When the step was last reopened.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => KeyFor(Step);

    /// <summary>The key of a step's record.</summary>
    public static string KeyFor(int step) => RecordKeys.Of(Kind, RecordKeys.Step(step));
}
