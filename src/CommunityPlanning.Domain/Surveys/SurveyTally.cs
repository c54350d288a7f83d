using System.Text;

namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// Turns a <see cref="SurveyTable"/> into <see cref="SurveyResults"/>: drops the columns survey tools add
/// (timestamps, ids, e-mail addresses), matches each question to the group's questionnaire by its wording
/// (ignoring case, punctuation, spacing and numbering), and counts the answers. Choice answers are counted
/// (tick-all answers split on Microsoft Forms' <c>;</c>, Google Forms' <c>, </c> for known options, or
/// SurveyMonkey's one column per answer); free-text answers are kept, within limits, for the report.
/// </summary>
public static class SurveyTally
{
    /// <summary>Most columns read from a file.</summary>
    public const int MaxQuestions = 150;

    /// <summary>Most different answers kept for one choice question; the rest are added up as "Other answers".</summary>
    public const int MaxAnswers = 40;

    /// <summary>Most free-text answers kept for one question.</summary>
    public const int MaxComments = 100;

    /// <summary>Longest free-text answer kept, in characters; longer ones are cut.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>Most characters of free text kept over the whole file, so the record stays within storage limits.</summary>
    public const int MaxCommentChars = 150_000;

    /// <summary>The answer that adds up answers past <see cref="MaxAnswers"/>.</summary>
    public const string OtherAnswers = "Other answers";

    private const int MaxHeading = 300;

    // Headings of the columns Microsoft Forms, Google Forms and SurveyMonkey add, normalised.
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal)
    {
        "id", "start time", "completion time", "email", "name", "last modified time", "timestamp", "email address",
        "respondent id", "collector id", "start date", "end date", "ip address", "first name", "last name",
        "custom data 1", "total points", "quiz feedback", "score",
    };

    // SurveyMonkey's second header row under a question answered in its own column.
    private static readonly HashSet<string> SingleColumnMarkers = new(StringComparer.Ordinal) { "response", "open ended response", "responses" };

    /// <summary>The totals of <paramref name="table"/>, matched to <paramref name="questionnaire"/>.</summary>
    public static SurveyResults Tally(SurveyTable table, IReadOnlyList<BankQuestion> questionnaire, string fileName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(questionnaire);
        var budget = new CommentBudget();
        var groups = Groups(table.Columns).Take(MaxQuestions).ToList();
        var questions = new List<QuestionTotals>();
        var answering = new HashSet<int>();
        foreach (var group in groups)
        {
            var heading = Clip(Clean(table.Columns[group[0]].Question), MaxHeading);
            var match = questionnaire.FirstOrDefault(q => Normalise(q.Text) == Normalise(heading));
            var totals = group.Count > 1 || table.Columns[group[0]].Option is { } option && !SingleColumnMarkers.Contains(Normalise(option))
                ? ByColumn(table, group, heading, answering)
                : ByValue(table, group[0], heading, match, answering, budget);
            questions.Add(match is null ? totals : totals with { QuestionId = match.Id });
        }

        return new SurveyResults
        {
            FileName = Clip(Clean(fileName), 200),
            Format = table.Format,
            ImportedAt = now,
            Respondents = answering.Count,
            Questions = questions,
        };
    }

    /// <summary>A question's totals counted again as answers to <paramref name="question"/> (after a person matched it).</summary>
    public static QuestionTotals Recount(QuestionTotals totals, BankQuestion question)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(question);
        if (question.Kind == AnswerKind.FreeText || totals.Kind == AnswerKind.FreeText)
        {
            return totals with { QuestionId = question.Id };
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var count in totals.Counts)
        {
            foreach (var answer in Answers(count.Answer, question))
            {
                counts[answer] = counts.GetValueOrDefault(answer) + count.Count;
            }
        }

        return totals with { QuestionId = question.Id, Kind = question.Kind, Counts = Ranked(counts, totals.Answered) };
    }

    /// <summary>Text compared for matching: lower case, letters and digits only, single spaces, no leading numbering.</summary>
    public static string Normalise(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ' && c != '\'' && c != '’')
            {
                builder.Append(' ');
            }
        }

        var words = builder.ToString().Trim();
        // "1. ", "Q1 ", "Q 1: " before the question's words.
        var numbering = System.Text.RegularExpressions.Regex.Match(words, @"^(?:q\s?)?\d{1,3}[a-z]?\s(?=\D)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return numbering.Success ? words[numbering.Length..] : words;
    }

    // Column indexes per question: a SurveyMonkey question with several answer columns is one group.
    private static IEnumerable<List<int>> Groups(IReadOnlyList<SurveyColumn> columns)
    {
        List<int>? current = null;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (string.IsNullOrWhiteSpace(column.Question) || Metadata.Contains(Normalise(column.Question)))
            {
                if (current is not null)
                {
                    yield return current;
                    current = null;
                }

                continue;
            }

            var sameQuestion = current is not null && column.Option is not null && columns[current[0]].Option is not null
                && string.Equals(columns[current[0]].Question, column.Question, StringComparison.Ordinal)
                && !SingleColumnMarkers.Contains(Normalise(column.Option));
            if (sameQuestion)
            {
                current!.Add(i);
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = [i];
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    // A tick-all question spread over columns: a column's answer counts when its cell has anything in it.
    private static QuestionTotals ByColumn(SurveyTable table, List<int> group, string heading, HashSet<int> answering)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var answered = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var any = false;
            foreach (var c in group)
            {
                if (Cell(table, r, c).Length == 0)
                {
                    continue;
                }

                var option = Clip(Clean(table.Columns[c].Option ?? table.Columns[c].Question), MaxHeading);
                counts[option] = counts.GetValueOrDefault(option) + 1;
                any = true;
            }

            if (any)
            {
                answered++;
                answering.Add(r);
            }
        }

        return new QuestionTotals(heading, AnswerKind.ManyChoices, answered) { Counts = Ranked(counts, answered) };
    }

    private static QuestionTotals ByValue(SurveyTable table, int column, string heading, BankQuestion? match, HashSet<int> answering, CommentBudget budget)
    {
        var values = new List<string>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cell = Cell(table, r, column);
            if (cell.Length > 0)
            {
                values.Add(cell);
                answering.Add(r);
            }
        }

        var kind = match?.Kind ?? Guess(values);
        if (kind == AnswerKind.FreeText)
        {
            var kept = new List<string>();
            foreach (var value in values)
            {
                var text = Clip(value, MaxCommentLength);
                if (kept.Count >= MaxComments || !budget.Take(text.Length))
                {
                    break;
                }

                kept.Add(text);
            }

            return new QuestionTotals(heading, kind, values.Count) { Comments = kept, CommentsNotKept = values.Count - kept.Count };
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var answer in kind == AnswerKind.ManyChoices ? Answers(value, match) : [Canonical(value, match)])
            {
                counts[answer] = counts.GetValueOrDefault(answer) + 1;
            }
        }

        return new QuestionTotals(heading, kind, values.Count) { Counts = Ranked(counts, values.Count) };
    }

    // Without a matched question: few short answers repeated are choices; Forms' "a;b;" is tick-all; the rest is free text.
    private static AnswerKind Guess(List<string> values)
    {
        if (values.Count == 0)
        {
            return AnswerKind.OneChoice;
        }

        if (values.All(v => v.EndsWith(';')))
        {
            return AnswerKind.ManyChoices;
        }

        var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var brief = values.All(v => v.Length <= 80 && !v.Contains('\n', StringComparison.Ordinal));
        return brief && distinct <= 12 && (distinct <= 6 || values.Count >= distinct * 2) ? AnswerKind.OneChoice : AnswerKind.FreeText;
    }

    // One cell of a tick-all question as its answers: Forms joins them with ";", Google Forms with ", ".
    private static IEnumerable<string> Answers(string value, BankQuestion? question)
    {
        if (value.Contains(';', StringComparison.Ordinal))
        {
            return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => Canonical(a, question)).Distinct(StringComparer.Ordinal);
        }

        if (question is { Options.Count: > 0 } && value.Contains(", ", StringComparison.Ordinal))
        {
            return value.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => Canonical(a, question)).Distinct(StringComparer.Ordinal);
        }

        return [Canonical(value, question)];
    }

    // An answer in the questionnaire's own wording when it is one of the options, else as typed.
    private static string Canonical(string answer, BankQuestion? question) =>
        question?.Options.FirstOrDefault(o => Normalise(o) == Normalise(answer)) ?? Clip(answer, MaxHeading);

    private static IReadOnlyList<AnswerCount> Ranked(Dictionary<string, int> counts, int answered)
    {
        var ranked = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var kept = ranked.Take(MaxAnswers).Select(p => new AnswerCount(p.Key, p.Value, Percent(p.Value, answered))).ToList();
        if (ranked.Count > MaxAnswers)
        {
            var rest = ranked.Skip(MaxAnswers).Sum(p => p.Value);
            kept.Add(new AnswerCount(OtherAnswers, rest, Percent(rest, answered)));
        }

        return kept;
    }

    private static int Percent(int count, int of) =>
        of == 0 ? 0 : (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);

    private static string Cell(SurveyTable table, int row, int column) =>
        column < table.Rows[row].Count ? Clean(table.Rows[row][column]) : string.Empty;

    // Trimmed, with line breaks kept as \n and other control characters dropped.
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static string Clip(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");

    private sealed class CommentBudget
    {
        private int _left = MaxCommentChars;

        public bool Take(int chars)
        {
            if (chars > _left)
            {
                return false;
            }

            _left -= chars;
            return true;
        }
    }
}
