namespace CommunityPlanning.Domain.Journey;

/// <summary>An issue the group scores in step 5.</summary>
/// <param name="Step">The step whose form holds it (4 or 5).</param>
/// <param name="RowId">Its row id.</param>
/// <param name="Title">The issue, as written.</param>
/// <param name="Theme">Its theme's value, if any.</param>
public sealed record PriorityIssue(int Step, string RowId, string Title, string? Theme);

/// <summary>One issue's place in the ranking.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Rank">1 for the top; issues that tie on total and importance share a rank.</param>
/// <param name="Importance">Average importance.</param>
/// <param name="Urgency">Average urgency.</param>
/// <param name="Feasibility">Average feasibility.</param>
/// <param name="Total">Sum of the three averages.</param>
/// <param name="Scorers">How many members scored it.</param>
public sealed record RankedIssue(PriorityIssue Issue, int Rank, decimal Importance, decimal Urgency, decimal Feasibility, decimal Total, int Scorers);

/// <summary>Ranks issues by members' scores: total of the averages, ties broken by importance.</summary>
public static class PriorityRanking
{
    /// <summary>The ranking; issues nobody scored come last with a total of zero.</summary>
    public static IReadOnlyList<RankedIssue> Rank(IReadOnlyList<PriorityIssue> issues, IEnumerable<PriorityScore> scores)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(scores);
        var byIssue = scores.ToLookup(s => (s.Step, s.IssueRowId));
        var rows = issues
            .Select(issue =>
            {
                var mine = byIssue[(issue.Step, issue.RowId)].ToList();
                return mine.Count == 0
                    ? (Issue: issue, Importance: 0m, Urgency: 0m, Feasibility: 0m, Scorers: 0)
                    : (Issue: issue, Importance: Average(mine, s => s.Importance), Urgency: Average(mine, s => s.Urgency), Feasibility: Average(mine, s => s.Feasibility), Scorers: mine.Count);
            })
            .OrderByDescending(r => r.Importance + r.Urgency + r.Feasibility)
            .ThenByDescending(r => r.Importance)
            .ThenBy(r => r.Issue.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var ranked = new List<RankedIssue>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var total = r.Importance + r.Urgency + r.Feasibility;
            var rank = i > 0 && ranked[i - 1].Total == total && ranked[i - 1].Importance == r.Importance ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedIssue(r.Issue, rank, r.Importance, r.Urgency, r.Feasibility, total, r.Scorers));
        }

        return ranked;
    }

    private static decimal Average(List<PriorityScore> scores, Func<PriorityScore, int> pick) =>
        Math.Round(scores.Sum(s => (decimal)pick(s)) / scores.Count, 2, MidpointRounding.AwayFromZero);
}
