namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// One column of an uploaded survey file: the question it belongs to and, for a question spread over several
/// columns (SurveyMonkey's second header row: one column per answer of a tick-all question), the answer it counts.
/// </summary>
/// <param name="Question">The heading of the question.</param>
/// <param name="Option">The answer this column counts, or null when the column holds the answers themselves.</param>
public sealed record SurveyColumn(string Question, string? Option = null);

/// <summary>
/// A survey export read into plain text: its columns and one list of cells per response. Files are read at the
/// edge (the host); everything from here on is pure.
/// </summary>
/// <param name="Columns">The columns, in file order.</param>
/// <param name="Rows">One entry per response; a row may be shorter than <paramref name="Columns"/>.</param>
/// <param name="Format">What the file was, as people say it ("CSV", "Excel workbook").</param>
public sealed record SurveyTable(IReadOnlyList<SurveyColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Format);
