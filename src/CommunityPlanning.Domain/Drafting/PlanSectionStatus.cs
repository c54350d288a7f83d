namespace CommunityPlanning.Domain.Drafting;

/// <summary>How far a section of the plan has got.</summary>
public enum PlanSectionStatus
{
    /// <summary>Being written: anyone in the group may change it.</summary>
    Draft,

    /// <summary>Agreed by the group: an officer marked it so, and only officers change it now.</summary>
    Agreed,
}

/// <summary>Plain words for section statuses.</summary>
public static class PlanSectionStatusNames
{
    /// <summary>The value a form carries: <c>draft</c> or <c>agreed</c>.</summary>
    public static string Value(this PlanSectionStatus status) => status == PlanSectionStatus.Agreed ? "agreed" : "draft";

    /// <summary>The status as people read it.</summary>
    public static string Title(this PlanSectionStatus status) => status == PlanSectionStatus.Agreed ? "Agreed" : "Draft";

    /// <summary>Reads a form value back; null when it is neither.</summary>
    public static PlanSectionStatus? Parse(string? value) => value switch
    {
        "draft" => PlanSectionStatus.Draft,
        "agreed" => PlanSectionStatus.Agreed,
        _ => null,
    };
}
