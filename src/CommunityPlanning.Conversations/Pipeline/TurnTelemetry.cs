using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommunityPlanning.Conversations.Turns;

namespace CommunityPlanning.Conversations.Pipeline;

/// <summary>
/// Traces and metrics for turns, under the name <see cref="Name"/>. Tags carry kinds and outcomes only:
/// never message text, names or ids of people.
/// </summary>
public static class TurnTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "CommunityPlanning.Bot";

    /// <summary>Spans for turns.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("communityplanning.turns", description: "Turns handled, by kind and outcome.");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("communityplanning.turn_conflicts", description: "Turns re-run because others changed the same records.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("communityplanning.turn_duration", unit: "ms", description: "Time to handle a turn, storage included.");

    /// <summary>Records a finished turn.</summary>
    public static void Handled(TurnKind kind, string outcome, int attempts, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", kind.ToString() }, { "outcome", outcome } };
        Turns.Add(1, tags);
        Duration.Record(elapsed.TotalMilliseconds, tags);
        if (attempts > 1)
        {
            Conflicts.Add(attempts - 1, new TagList { { "kind", kind.ToString() } });
        }
    }
}
