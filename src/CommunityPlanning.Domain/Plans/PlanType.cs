namespace CommunityPlanning.Domain.Plans;

/// <summary>The kind of plan a steering group is making.</summary>
public enum PlanType
{
    /// <summary>A Community Led Plan or Parish Plan.</summary>
    CommunityLedPlan,

    /// <summary>A Village Appraisal.</summary>
    VillageAppraisal,

    /// <summary>A Market Town Action Plan or Healthcheck.</summary>
    MarketTownPlan,

    /// <summary>A statutory Neighbourhood Plan (Localism Act 2011).</summary>
    NeighbourhoodPlan,

    /// <summary>A Community Led Plan that will lead into a Neighbourhood Plan.</summary>
    CommunityLedThenNeighbourhood,
}

/// <summary>Names and codes for plan types, as shown to users and stored in forms.</summary>
public static class PlanTypes
{
    /// <summary>Every plan type in the order it is offered.</summary>
    public static IReadOnlyList<PlanType> All { get; } =
    [
        PlanType.CommunityLedPlan,
        PlanType.VillageAppraisal,
        PlanType.MarketTownPlan,
        PlanType.NeighbourhoodPlan,
        PlanType.CommunityLedThenNeighbourhood,
    ];

    /// <summary>The plain-English name of a plan type.</summary>
    public static string Title(this PlanType type) => type switch
    {
        PlanType.CommunityLedPlan => "Community Led Plan (Parish Plan)",
        PlanType.VillageAppraisal => "Village Appraisal",
        PlanType.MarketTownPlan => "Market Town Action Plan or Healthcheck",
        PlanType.NeighbourhoodPlan => "Neighbourhood Plan",
        _ => "Community Led Plan, then a Neighbourhood Plan",
    };

    /// <summary>True when the plan has the statutory Neighbourhood Plan milestones.</summary>
    public static bool HasStatutoryMilestones(this PlanType type) =>
        type is PlanType.NeighbourhoodPlan or PlanType.CommunityLedThenNeighbourhood;

    /// <summary>
    /// True when a step shows and waits for its Neighbourhood Plan items and forms. A Neighbourhood Plan has them in
    /// steps 1, 5, 6 and 7. A Community Led Plan that leads into one keeps steps 1 and 5's (who leads, the area, the
    /// policies), while the statutory stages of steps 6 and 7 (Regulation 14 to the plan being made, a year or more)
    /// follow the plan as their own stage (<see cref="NeighbourhoodStage"/>) instead of holding those steps up.
    /// </summary>
    public static bool StatutoryIn(this PlanType type, int step) =>
        type == PlanType.NeighbourhoodPlan || (type == PlanType.CommunityLedThenNeighbourhood && !NeighbourhoodStage.Steps.Contains(step));

    /// <summary>True when the Neighbourhood Plan's statutory stages follow the plan as a stage of their own.</summary>
    public static bool HasNeighbourhoodStage(this PlanType type) => type == PlanType.CommunityLedThenNeighbourhood;

    /// <summary>The stable code used in forms and storage.</summary>
    public static string Code(this PlanType type) => type.ToString();

    /// <summary>Reads a code back; false for anything that is not a plan type code.</summary>
    public static bool TryParse(string? code, out PlanType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
