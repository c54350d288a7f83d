using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Journey;

/// <summary>The cards of step 5's scoring: a member's own scores, and the ranking.</summary>
internal static class ScoringCards
{
    /// <summary>Issues per page of the scoring card.</summary>
    public const int PageSize = 5;

    public static readonly (string Prefix, string Label)[] Kinds =
    [
        ("imp", "Importance"),
        ("urg", "Urgency"),
        ("fea", "Feasibility (how doable)"),
    ];

    private static readonly IReadOnlyList<InputChoice> ScoreChoices =
    [
        new("1", "1 (low)"), new("2", "2"), new("3", "3"), new("4", "4"), new("5", "5 (high)"),
    ];

    public static string InputId(string prefix, PriorityIssue issue) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.{issue.Step}.{issue.RowId}");

    /// <summary>One page of the member's own scoring card, showing their scores (or what they just typed).</summary>
    public static Card Mine(
        TurnContext context,
        IReadOnlyList<PriorityIssue> issues,
        int page,
        IReadOnlyDictionary<string, string>? typed = null,
        IReadOnlyDictionary<string, string>? errors = null,
        string? note = null)
    {
        var pages = Math.Max(1, (issues.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var blocks = new List<CardBlock>
        {
            new TextBlock("Score each issue from 1 (low) to 5 (high). Only you see your scores; the group sees the ranking when the chair closes scoring.", TextTone.Subtle),
        };
        if (errors is { Count: > 0 })
        {
            blocks.Add(new TextBlock("Please check the scores marked below. Nothing has been saved yet.", TextTone.Error));
        }
        else if (note is not null)
        {
            blocks.Add(new TextBlock(note, TextTone.Good));
        }

        var onPage = issues.Skip(page * PageSize).Take(PageSize).ToList();
        for (var i = 0; i < onPage.Count; i++)
        {
            var issue = onPage[i];
            var mine = context.State.Find<PriorityScore>(PriorityScore.KeyFor(issue.Step, issue.RowId, context.Turn.From.Id));
            blocks.Add(new TextBlock($"{(page * PageSize) + i + 1}. {issue.Title}", TextTone.Heading));
            foreach (var (prefix, label) in Kinds)
            {
                var id = InputId(prefix, issue);
                var stored = mine is null ? null : Score(mine, prefix).ToString(CultureInfo.InvariantCulture);
                blocks.Add(new InputBlock(new InputField(id, label, FieldType.Choice)
                {
                    Choices = ScoreChoices,
                    Value = typed is not null ? typed.GetValueOrDefault(id) : stored,
                    Error = errors?.GetValueOrDefault(id),
                }));
            }
        }

        var actions = new List<CardAction>
        {
            new("Save my scores", JourneyVerbs.SaveScores, context.Data((JourneyVerbs.PageKey, Text(page)))) { Style = ActionStyle.Positive, SubmitsInputs = true },
        };
        if (page > 0)
        {
            actions.Add(new CardAction("Previous issues", JourneyVerbs.OpenScoring, context.Data((JourneyVerbs.PageKey, Text(page - 1)))));
        }

        if (page < pages - 1)
        {
            actions.Add(new CardAction("More issues", JourneyVerbs.OpenScoring, context.Data((JourneyVerbs.PageKey, Text(page + 1)))));
        }

        return new Card
        {
            Title = $"Your scores, {context.Turn.From.Name}",
            Subtitle = $"Issues {page * PageSize + 1}–{page * PageSize + onPage.Count} of {issues.Count}",
            Blocks = blocks,
            Actions = actions,
        };
    }

    /// <summary>The ranking of all issues by the group's scores.</summary>
    public static Card Ranking(TurnContext context, IReadOnlyList<RankedIssue> ranking, ScoringRecord? scoring)
    {
        var scorers = context.State.WithPrefix<PriorityScore>(PriorityScore.Prefix).Select(s => s.Member.Id).Distinct(StringComparer.Ordinal).Count();
        var closed = scoring is { Closed: true, ChangedBy: { } by, ChangedAt: { } at } ? $" · closed by {by.Name} on {DisplayDates.Day(at)}" : string.Empty;
        var facts = ranking.Take(30).Select(r => new Fact(
            $"{Text(r.Rank)}. {r.Issue.Title}",
            r.Scorers == 0
                ? "Not scored"
                : string.Create(CultureInfo.InvariantCulture, $"Total {r.Total:0.##} (importance {r.Importance:0.##}, urgency {r.Urgency:0.##}, feasibility {r.Feasibility:0.##}) · {r.Scorers} {(r.Scorers == 1 ? "score" : "scores")}")))
            .ToList();
        return new Card
        {
            Title = "Priorities: the ranking",
            Subtitle = $"Scored by {Text(scorers)} {(scorers == 1 ? "member" : "members")}{closed}",
            Blocks =
            [
                new FactsBlock(facts),
                new TextBlock("Total = average importance + average urgency + average feasibility. Ties go to the more important issue.", TextTone.Subtle),
            ],
            Shared = true,
        };
    }

    public static int Score(PriorityScore score, string prefix) => prefix switch
    {
        "imp" => score.Importance,
        "urg" => score.Urgency,
        _ => score.Feasibility,
    };

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
