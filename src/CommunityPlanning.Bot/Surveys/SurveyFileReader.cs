using System.Globalization;
using System.Text;
using CommunityPlanning.Domain.Surveys;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunityPlanning.Bot.Surveys;

/// <summary>
/// Reads an uploaded survey export into a <see cref="SurveyTable"/>: an Excel workbook (.xlsx, Microsoft Forms)
/// with the OpenXml SDK, or delimited text with CsvHelper: CSV in UTF-8 (with or without a byte order mark) or
/// Windows-1252, and Excel's "Unicode Text" (UTF-16 with a byte order mark, tab-separated). SurveyMonkey's second
/// header row (one column per answer) is recognised. Cells are text; nothing is evaluated.
/// </summary>
internal static class SurveyFileReader
{
    private static readonly Encoding Strict = new UTF8Encoding(false, true);

    static SurveyFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The table, or a plain message saying why the file can't be read.</summary>
    public static (SurveyTable? Table, string? Problem) Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return (null, "The file is empty. Export the survey again and upload that file.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var zip = content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;
        List<string[]> rows;
        string format;
        if (zip || extension is ".xlsx")
        {
            if (!zip || extension is not (".xlsx" or ""))
            {
                return (null, "I can't read this kind of file. Upload an Excel workbook (.xlsx), a CSV file (.csv) or Unicode text (.txt).");
            }

            (rows, var problem) = Workbook(content);
            if (problem is not null)
            {
                return (null, problem);
            }

            format = "Excel workbook";
        }
        else if (extension is ".csv" or ".txt" or ".tsv" or "")
        {
            if (Decode(content) is not { } decoded)
            {
                return (null, "I can't read the text in this file. Save it as \"CSV UTF-8\" (or as Unicode text) and upload it again.");
            }

            rows = Delimited(decoded.Text);
            format = decoded.Format;
        }
        else
        {
            return (null, "I can't read this kind of file. Upload an Excel workbook (.xlsx), a CSV file (.csv) or Unicode text (.txt).");
        }

        rows = rows.Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0)
        {
            return (null, "The file has no heading row. The first row must name the questions.");
        }

        var (columns, dataStart) = Header(rows);
        if (rows.Count <= dataStart)
        {
            return (null, "The file has headings but no answers. Export it again once responses are in.");
        }

        return (new SurveyTable(columns, rows.Skip(dataStart).Select(r => (IReadOnlyList<string>)r).ToList(), format), null);
    }

    // SurveyMonkey puts each question in row 1 (blank over its later answer columns) and "Response",
    // "Open-Ended Response" or an answer in row 2.
    private static (IReadOnlyList<SurveyColumn> Columns, int DataStart) Header(List<string[]> rows)
    {
        var first = rows[0];
        var second = rows.Count > 1 ? rows[1] : [];
        var monkey = second.Any(c => c.Trim() is "Response" or "Open-Ended Response")
            && Enumerable.Range(0, Math.Max(first.Length, second.Length)).Any(i => string.IsNullOrWhiteSpace(At(first, i)) && !string.IsNullOrWhiteSpace(At(second, i)));
        var width = rows.Max(r => r.Length);
        var columns = new List<SurveyColumn>();
        var question = string.Empty;
        for (var i = 0; i < width; i++)
        {
            if (!monkey)
            {
                columns.Add(new SurveyColumn(At(first, i).Trim()));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(At(first, i)))
            {
                question = At(first, i).Trim();
            }

            var option = At(second, i).Trim();
            columns.Add(new SurveyColumn(question, option.Length == 0 ? null : option));
        }

        return (columns, monkey ? 2 : 1);
    }

    private static string At(string[] row, int i) => i < row.Length ? row[i] : string.Empty;

    private static (string Text, string Format)? Decode(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Clean(new UnicodeEncoding(false, true, true), content, 2, "Unicode text");
        }

        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return Clean(new UnicodeEncoding(true, true, true), content, 2, "Unicode text");
        }

        var bom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        return Clean(Strict, content, bom, "CSV") ?? Clean(Encoding.GetEncoding(1252), content, 0, "CSV (Windows-1252)");
    }

    // Text with NUL or other control characters (besides tab and line breaks) is not a text export.
    private static (string Text, string Format)? Clean(Encoding encoding, byte[] content, int skip, string format)
    {
        string text;
        try
        {
            text = encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return text.Any(c => char.IsControl(c) && c is not '\t' and not '\r' and not '\n') ? null : (text, format);
    }

    private static List<string[]> Delimited(string text)
    {
        var options = CsvReaderOptions.Default with { HasHeader = false, Separator = Separator(text), MaxRecordSize = 1 << 20 };
        using var reader = CsvReader.FromText(text, options);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    // The separator of the first line, counted outside quotes: tab (Unicode text), semicolon (European Excel) or comma.
    private static char Separator(string text)
    {
        int tabs = 0, commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return tabs > 0 && tabs >= commas ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static (List<string[]> Rows, string? Problem) Workbook(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return ([], "The workbook has no sheets. Export the survey again and upload that file.");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    cells[column] = Text(cell, shared);
                    next = column + 1;
                }

                var values = new string[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
                Array.Fill(values, string.Empty);
                foreach (var (column, value) in cells)
                {
                    values[column] = value;
                }

                rows.Add(values);
            }

            return (rows, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException)
        {
            return ([], "I can't open this workbook. Save it again from Excel as .xlsx and upload that file.");
        }
    }

    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return cell.CellValue?.Text == "1" ? "TRUE" : "FALSE";
        }

        // Numbers and formula results: the stored text, never a formula.
        return cell.CellValue?.Text ?? string.Empty;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
