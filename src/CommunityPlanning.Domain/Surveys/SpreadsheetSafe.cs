namespace CommunityPlanning.Domain.Surveys;

/// <summary>
/// Makes text safe to put in a spreadsheet cell (CSV or workbook): a value that starts with <c>= + - @</c>, a tab
/// or a carriage return would be read as a formula by Excel and others, so it gets a leading apostrophe and
/// stays text. Survey answers are stored as typed; every export passes them through here.
/// </summary>
public static class SpreadsheetSafe
{
    /// <summary>The value as a cell that is never a formula.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>The survey totals as CSV (RFC 4180, every cell neutralised): question, answer, count, percent.</summary>
    public static string Csv(SurveyResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string> { "Question,Answer,Count,Percent" };
        foreach (var question in results.Questions)
        {
            lines.AddRange(question.Counts.Select(c => Line(question.Heading, c.Answer, c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%")));
            lines.AddRange(question.Comments.Select(c => Line(question.Heading, c, string.Empty, string.Empty)));
        }

        return string.Join("\r\n", lines) + "\r\n";
    }

    private static string Line(params string[] cells) => string.Join(',', cells.Select(c => Quote(Cell(c))));

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
