using System.Text;
using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Domain.Drafting;
using CsvHelper;
using static CommunityPlanning.Bot.Tests.Plans.DocumentReading;

namespace CommunityPlanning.Bot.Tests.Plans;

/// <summary>The action plan as CSV, parsed back.</summary>
public sealed class ActionsCsvTests
{
    [Fact]
    public void Write_Actions_BomHeaderAndARowPerActionThatParseBack()
    {
        var state = Group(actions: 5);
        var bytes = ActionsCsv.Write(ActionPlanTable.Rows(state));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var rows = Parse(bytes);
        Assert.Equal(ActionPlanTable.Headings, rows[0]);
        Assert.Equal(ActionPlanTable.Rows(state).Select(r => ActionPlanTable.Cells(r)), rows.Skip(1));
        Assert.Equal("£250", rows[1][8]);
    }

    [Fact]
    public void Write_FormulasQuotesAndLineBreaks_NeutralisedAndKept()
    {
        string[] titles =
        [
            "=HYPERLINK(\"http://evil\",\"click\")", "+44 1234", "-2 quid", "@SUM(A1)", "\tindented", "\rreturned",
            "Say \"hello\", then go", "Line one\nline two\r\nline three", "ordinary - with a dash",
        ];
        // Rows as the table makes them, with these as titles (an action's title is trimmed, other fields may not be).
        var table = titles.Select((t, i) => new ActionPlanRow(i + 1, t, "", "", "", "", "", "", "", "", "", "Not started", "")).ToList();
        var rows = Parse(ActionsCsv.Write(table));
        var written = rows.Skip(1).Select(r => r[1]).ToList();
        Assert.Equal(
            [
                "'=HYPERLINK(\"http://evil\",\"click\")", "'+44 1234", "'-2 quid", "'@SUM(A1)", "'\tindented", "'\rreturned",
                "Say \"hello\", then go", "Line one\nline two\r\nline three", "ordinary - with a dash",
            ],
            written);
        Assert.Equal(titles.Length + 1, rows.Count);
        var text = Encoding.UTF8.GetString(ActionsCsv.Write(table));
        Assert.Contains("\"Say \"\"hello\"\", then go\"", text, StringComparison.Ordinal);
    }

    private static List<List<string>> Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList());
        }

        return rows;
    }
}
