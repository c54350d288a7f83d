using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Journey;

/// <summary>The issues scored in step 5: step 4's issues, then any extra ones added in step 5.</summary>
public static class PriorityIssues
{
    /// <summary>The form of step 4's issues.</summary>
    public const string EvidenceForm = "issues";

    /// <summary>The form of step 5's extra issues.</summary>
    public const string ExtraForm = "priorities";

    /// <summary>The issues, in order: step 4's then step 5's.</summary>
    public static IReadOnlyList<PriorityIssue> From(GroupState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return StepForms.Rows(state, 4, EvidenceForm)
            .Concat(StepForms.Rows(state, 5, ExtraForm))
            .Select(r => new PriorityIssue(r.Step, r.RowId, r.Values.GetValueOrDefault("issue") ?? r.RowId, r.Values.GetValueOrDefault("theme")))
            .ToList();
    }

    /// <summary>True when the step and row name an issue that can be scored.</summary>
    public static bool IsIssueStep(int step) => step is 4 or 5;
}
