using System.Text.Json.Serialization;
using CommunityPlanning.Domain.State;

namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// The totals of the group's last imported survey file, question by question: what step 4's card shows and
/// what the plan's "what people told us" draws on. Answers are kept as the text people typed (never evaluated);
/// anything written to a spreadsheet goes through <see cref="SpreadsheetSafe"/>.
/// </summary>
[GroupRecord(Kind)]
public sealed record SurveyResults : IGroupRecord
{
    /// <summary>The key (and kind) of the record.</summary>
    public const string Kind = "surveyresults";

    /// <summary>The uploaded file's name, as the officer's computer gave it.</summary>
    public required string FileName { get; init; }

    /// <summary>What the file was ("CSV", "Excel workbook", "Unicode text").</summary>
    public required string Format { get; init; }

    /// <summary>When it was imported.</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>How many responses had at least one answer.</summary>
    public required int Respondents { get; init; }

    /// <summary>The totals of each question, in file order.</summary>
    public required IReadOnlyList<QuestionTotals> Questions { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string Key => Kind;

    /// <summary>The questions not matched to the group's questionnaire, with their numbers (1-based, as shown).</summary>
    [JsonIgnore]
    public IReadOnlyList<(int Number, QuestionTotals Totals)> Unmatched =>
        Questions.Select((q, i) => (i + 1, q)).Where(p => p.q.QuestionId is null).ToList();

    /// <summary>
    /// The results with question <paramref name="number"/> (1-based) matched to <paramref name="question"/>, its
    /// totals counted again for that question's answers; null matches it to none.
    /// </summary>
    public SurveyResults Match(int number, BankQuestion? question)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Questions.Count);
        var list = Questions.ToList();
        list[number - 1] = question is null ? list[number - 1] with { QuestionId = null } : SurveyTally.Recount(list[number - 1], question);
        return this with { Questions = list };
    }
}

/// <summary>The totals of one question.</summary>
/// <param name="Heading">The question as the file named it.</param>
/// <param name="Kind">How it was answered.</param>
/// <param name="Answered">How many responses answered it: the base of every percentage.</param>
public sealed record QuestionTotals(string Heading, AnswerKind Kind, int Answered)
{
    /// <summary>The questionnaire question it was matched to (a <see cref="QuestionBank"/> id), or null.</summary>
    public string? QuestionId { get; init; }

    /// <summary>For choice questions: each answer with how many gave it, most first.</summary>
    public IReadOnlyList<AnswerCount> Counts { get; init; } = [];

    /// <summary>For free-text questions: the answers kept for the report.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>Free-text answers given but not kept (past the limits).</summary>
    public int CommentsNotKept { get; init; }
}

/// <summary>One answer to a choice question and how many gave it.</summary>
/// <param name="Answer">The answer.</param>
/// <param name="Count">How many gave it.</param>
/// <param name="Percent">Of those who answered the question, rounded to a whole number.</param>
public sealed record AnswerCount(string Answer, int Count, int Percent);
