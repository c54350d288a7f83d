using System.Globalization;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.State;
using CommunityPlanning.Domain.Surveys;

namespace CommunityPlanning.Conversations.Surveys;

/// <summary>The survey as people see it: progress facts for step 4's card, and the results card.</summary>
public static class SurveyCards
{
    /// <summary>The step whose card shows the survey.</summary>
    public const int Step = 4;

    private const int CommentsShown = 3;
    private const int TotalsOnStepCard = 4;

    /// <summary>
    /// Step 4's survey section: where the survey stands and, once results are in, the leading answer of the first
    /// few questions; nothing when no survey is recorded.
    /// </summary>
    public static IReadOnlyList<CardBlock> StepBlocks(GroupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var progress = SurveyProgress.For(state, ReminderSchedule.LondonDate(now));
        var facts = ProgressFacts(progress);
        if (facts.Count == 0)
        {
            return [];
        }

        var blocks = new List<CardBlock> { new TextBlock("Survey", TextTone.Heading), new FactsBlock(facts) };
        if (progress.Results is { } results)
        {
            var leading = results.Questions.Where(q => q.Counts.Count > 0).Take(TotalsOnStepCard)
                .Select(q => new Fact(q.Heading, string.Create(CultureInfo.InvariantCulture, $"{q.Counts[0].Answer}: {q.Counts[0].Percent}% of {q.Answered}")))
                .ToList();
            if (leading.Count > 0)
            {
                blocks.Add(new TextBlock("What people told us", TextTone.Heading));
                blocks.Add(new FactsBlock(leading));
            }

            blocks.Add(new TextBlock("Type \"survey results\" for every question's totals.", TextTone.Subtle));
        }

        return blocks;
    }

    /// <summary>Facts about the survey for step 4's card; empty when nothing survey-related is recorded.</summary>
    public static IReadOnlyList<Fact> ProgressFacts(SurveyProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var facts = new List<Fact>();
        if (progress.Questions.Count > 0)
        {
            facts.Add(new Fact("Questionnaire", Count(progress.Questions.Count, "question")));
        }

        if (progress.ClosesOn is { } closes)
        {
            facts.Add(new Fact("Survey closes", UkDateFormat.Day(closes)));
        }

        if (progress.Responses is { } responses)
        {
            facts.Add(new Fact("Responses", progress.HouseholdRate is { } rate
                ? string.Create(CultureInfo.InvariantCulture, $"{responses} from {progress.Households} households ({rate}%)")
                : Count(responses, "response")));
        }

        if (progress.Results is { } results)
        {
            facts.Add(new Fact("Results", $"{Count(results.Questions.Count, "question")} from {results.FileName}, {UkDateFormat.Day(DateOnly.FromDateTime(UkTime.ToLondon(results.ImportedAt).DateTime))}"));
        }

        return facts;
    }

    /// <summary>The totals, question by question (the first <paramref name="shown"/>), with what to do next.</summary>
    public static Card Results(SurveyResults results, int shown = 12)
    {
        ArgumentNullException.ThrowIfNull(results);
        var blocks = new List<CardBlock>
        {
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{Count(results.Respondents, "response")} in {results.FileName}."), TextTone.Subtle),
        };
        for (var i = 0; i < results.Questions.Count && i < shown; i++)
        {
            var q = results.Questions[i];
            var matched = q.QuestionId is { } id ? $" ({id})" : " (not matched)";
            blocks.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {q.Heading}{matched}"), TextTone.Heading));
            blocks.Add(new FactsBlock(Facts(q)));
        }

        if (results.Questions.Count > shown)
        {
            blocks.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"…and {results.Questions.Count - shown} more questions."), TextTone.Subtle));
        }

        blocks.Add(new TextBlock(NextSteps(results), TextTone.Subtle));
        return new Card { Title = "Survey results", Blocks = blocks };
    }

    /// <summary>What to do next: match the questions not matched, or use the results.</summary>
    public static string NextSteps(SurveyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var unmatched = results.Unmatched;
        if (unmatched.Count == 0)
        {
            return "Every question matched your questionnaire. Type \"survey results\" to see the totals again, or \"step 4\" for the step.";
        }

        var list = string.Join(", ", unmatched.Take(5).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Number}. {u.Totals.Heading}")));
        var more = unmatched.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $" and {unmatched.Count - 5} more") : string.Empty;
        return $"Not matched to your questionnaire: {list}{more}. Their totals are kept as they are. To match one, type \"survey match 3 to H2\" (\"survey questions\" lists the ids).";
    }

    private static List<Fact> Facts(QuestionTotals q)
    {
        if (q.Kind == AnswerKind.FreeText)
        {
            var facts = new List<Fact> { new("Answers", Count(q.Answered, "comment")) };
            facts.AddRange(q.Comments.Take(CommentsShown).Select(c => new Fact("•", Short(c))));
            return facts;
        }

        return q.Counts.Count == 0
            ? [new Fact("Answers", "None")]
            : q.Counts.Take(8).Select(c => new Fact(c.Answer, string.Create(CultureInfo.InvariantCulture, $"{c.Count} ({c.Percent}%)"))).ToList();
    }

    private static string Short(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : string.Concat(text.AsSpan(0, 119).ToString().ReplaceLineEndings(" "), "…");

    private static string Count(int n, string word) => string.Create(CultureInfo.InvariantCulture, $"{n} {word}{(n == 1 ? string.Empty : "s")}");
}
