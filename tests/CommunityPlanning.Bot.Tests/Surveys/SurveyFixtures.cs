using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunityPlanning.Bot.Tests.Surveys;

/// <summary>Survey exports as the tools write them, built in code so every byte is visible here.</summary>
internal static class SurveyFixtures
{
    public const string Homes = "Do we need more homes in the parish over the next 10 years?";
    public const string Services = "Which services do you use in the parish?";
    public const string WantedService = "Which service would you most like to see in the parish?";
    public const string Speeding = "Is speeding traffic a problem where you live?";
    public const string GettingAbout = "What would make getting about easier?";
    public const string WhereHomes = "Where should new homes go?";
    public const string TakePart = "Which of these do you take part in?";
    public const string Missing = "What leisure activity is missing in the parish?";
    public const string Broadband = "How good is your broadband?";

    static SurveyFixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Microsoft Forms' "Open in Excel" export: metadata columns, then one column per question, tick-all joined with ";".</summary>
    public static byte[] FormsWorkbook()
    {
        string[][] rows =
        [
            ["ID", "Start time", "Completion time", "Email", "Name", Homes, Services, WantedService],
            ["1", "45731.4", "45731.41", "anonymous", "", "Yes", "Shop;Pub;", "A café"],
            ["2", "45731.5", "45731.52", "anonymous", "", "Yes", "Shop;Village hall;", "=SUM(A1:A9)"],
            ["3", "45732.1", "45732.12", "anonymous", "", "No", "Pub;", ""],
            ["4", "45733.3", "45733.31", "anonymous", "", "Yes", "Shop;Pub;Post office;", "A doctor's surgery,\nopen on Saturdays"],
        ];
        return Workbook(rows, numericFirstColumn: true);
    }

    /// <summary>An Excel workbook of the given rows (shared strings, as Excel writes them).</summary>
    public static byte[] Workbook(string[][] rows, bool numericFirstColumn = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var value = rows[r][c];
                    if (value.Length == 0)
                    {
                        continue; // Excel leaves empty cells out: the reader must place cells by reference.
                    }

                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (numericFirstColumn && r > 0 && c < 3)
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(value) });
                        continue;
                    }

                    if (!index.TryGetValue(value, out var i))
                    {
                        i = index.Count;
                        index[value] = i;
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
                    }

                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Form1" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Google Forms' CSV download: UTF-8 without a BOM, tick-all joined with ", ", a quoted answer over two lines.</summary>
    public static byte[] GoogleFormsCsv() => Encoding.UTF8.GetBytes(
        $"\"Timestamp\",\"Email Address\",\"{Speeding}\",\"{GettingAbout}\",\"{WhereHomes}\"\r\n" +
        "\"2025/03/14 7:01:02 pm GMT\",\"ann@example.org\",\"Yes\",\"More buses, Safer footpaths\",\"On the old garage site\"\r\n" +
        "\"2025/03/14 7:05:40 pm GMT\",\"bob@example.org\",\"Yes\",\"Safer footpaths\",\"Behind the school,\r\nnot on the green\"\r\n" +
        "\"2025/03/15 9:12:00 am GMT\",\"\",\"No\",\"More buses, Cycle routes, Safer footpaths\",\"\"\r\n");

    /// <summary>SurveyMonkey's "All responses, expanded" CSV: questions in row 1, answers or "Response" in row 2.</summary>
    public static byte[] SurveyMonkeyCsv() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
        $"Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,{Homes},{TakePart},,,{Missing}\r\n" +
        ",,,,,,,,,Response,Walking,Volunteering,Sports clubs,Open-Ended Response\r\n" +
        "114000001,4000001,03/14/2025 07:01:02 PM,03/14/2025 07:03:10 PM,192.0.2.1,,,,,Yes,Walking,,Sports clubs,\"A \"\"proper\"\" youth club\"\r\n" +
        "114000002,4000001,03/14/2025 07:11:02 PM,03/14/2025 07:13:10 PM,192.0.2.2,,,,,No,Walking,Volunteering,,+44 call me\r\n" +
        "114000003,4000001,03/15/2025 08:01:02 AM,03/15/2025 08:02:00 AM,192.0.2.3,,,,,Yes,,,,\r\n")).ToArray();

    /// <summary>Excel's "Unicode Text" save: UTF-16 little-endian with a BOM, tab-separated.</summary>
    public static byte[] ExcelUnicodeText() => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(
        $"Street\t{Broadband}\r\n" +
        "Church Lane\tVery poor\r\n" +
        "Mill Road\tPoor\r\n" +
        "Church Lane\tVery poor\r\n" +
        "The Green\tGood\r\n")).ToArray();

    /// <summary>A spreadsheet saved as plain "CSV" by Excel on Windows: Windows-1252, with £ and é.</summary>
    public static byte[] Windows1252Csv() => Encoding.GetEncoding(1252).GetBytes(
        $"{Broadband},{WantedService}\r\n" +
        "Good,Café open on Sundays\r\n" +
        "Poor,A £5 bus to town\r\n" +
        "Good,@everyone a post office\r\n");
}
