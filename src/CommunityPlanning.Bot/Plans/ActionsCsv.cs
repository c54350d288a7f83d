using CommunityPlanning.Domain.Drafting;
using CsvHelper;

namespace CommunityPlanning.Bot.Plans;

/// <summary>
/// The action plan as CSV, written by CsvHelper: UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF
/// line ends and RFC 4180 quoting, every column of <see cref="ActionPlanTable"/>. A cell that a spreadsheet would
/// run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a
/// leading <c>'</c> (CsvHelper's injection escape), so it shows as typed and never runs.
/// </summary>
internal static class ActionsCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        NewLine = "\r\n",
    };

    /// <summary>The file's bytes, BOM first.</summary>
    public static byte[] Write(IReadOnlyList<ActionPlanRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. ActionPlanTable.Headings]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. ActionPlanTable.Cells(row)]);
            }
        }

        return stream.ToArray();
    }
}
