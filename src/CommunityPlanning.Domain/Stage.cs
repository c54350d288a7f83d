namespace CommunityPlanning.Domain;

/// <summary>The four LEAD stages of ACRE's Community Led Planning toolkit.</summary>
public enum Stage
{
    /// <summary>L — Launch the plan (steps 1–3).</summary>
    Launch,

    /// <summary>E — Evidence local need and aspirations (step 4).</summary>
    Evidence,

    /// <summary>A — Agree and prioritise actions (steps 5–7).</summary>
    Agree,

    /// <summary>D — Deliver and monitor actions (steps 8–9).</summary>
    Deliver,
}

/// <summary>Plain-English names for the stages.</summary>
public static class StageNames
{
    /// <summary>The letter of the stage in LEAD.</summary>
    public static char Letter(this Stage stage) => stage switch
    {
        Stage.Launch => 'L',
        Stage.Evidence => 'E',
        Stage.Agree => 'A',
        _ => 'D',
    };

    /// <summary>The stage's title, as ACRE words it.</summary>
    public static string Title(this Stage stage) => stage switch
    {
        Stage.Launch => "Launch the plan",
        Stage.Evidence => "Evidence local need and aspirations",
        Stage.Agree => "Agree and prioritise actions",
        _ => "Deliver and monitor actions",
    };
}
