using System.Text;
using CommunityPlanning.Bot.Surveys;
using CommunityPlanning.Domain.Surveys;
using static CommunityPlanning.Bot.Tests.Surveys.SurveyFixtures;

namespace CommunityPlanning.Bot.Tests.Surveys;

/// <summary>Each tool's export, read and added up against a questionnaire from the bank.</summary>
public sealed class SurveyFileReaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<BankQuestion> Questionnaire =
        new[] { "H1", "H3", "T1", "T3", "S1", "S2", "S3", "L1", "L2" }.Select(id => QuestionBank.Find(id)!).ToList();

    [Fact]
    public void Read_MicrosoftFormsWorkbook_MetadataDroppedTickAllSplitFormulaKeptAsText()
    {
        var results = Import(FormsWorkbook(), "Survey(1-4).xlsx");

        Assert.Equal(4, results.Respondents);
        Assert.Equal(3, results.Questions.Count);
        var homes = Question(results, "H1");
        Assert.Equal(4, homes.Answered);
        Assert.Equal(new AnswerCount("Yes", 3, 75), homes.Counts[0]);
        Assert.Equal(new AnswerCount("No", 1, 25), homes.Counts[1]);
        var services = Question(results, "S1");
        Assert.Equal(AnswerKind.ManyChoices, services.Kind);
        Assert.Equal(new AnswerCount("Pub", 3, 75), services.Counts.Single(c => c.Answer == "Pub"));
        Assert.Equal(new AnswerCount("Shop", 3, 75), services.Counts.Single(c => c.Answer == "Shop"));
        Assert.Equal(1, services.Counts.Single(c => c.Answer == "Post office").Count);
        var wanted = Question(results, "S3");
        Assert.Equal(3, wanted.Answered);
        Assert.Contains("=SUM(A1:A9)", wanted.Comments);
        Assert.Contains("A doctor's surgery,\nopen on Saturdays", wanted.Comments);
        Assert.Equal("Excel workbook", results.Format);
    }

    [Fact]
    public void Read_GoogleFormsCsv_CommaJoinedTickAllAndQuotedMultiLineAnswer()
    {
        var results = Import(GoogleFormsCsv(), "Village survey (Responses) - Form responses 1.csv");

        Assert.Equal(3, results.Respondents);
        Assert.Equal(new AnswerCount("Yes", 2, 67), Question(results, "T1").Counts[0]);
        var about = Question(results, "T3");
        Assert.Equal(new AnswerCount("Safer footpaths", 3, 100), about.Counts[0]);
        Assert.Equal(new AnswerCount("More buses", 2, 67), about.Counts[1]);
        Assert.Equal(new AnswerCount("Cycle routes", 1, 33), about.Counts[2]);
        var where = Question(results, "H3");
        Assert.Equal(["On the old garage site", "Behind the school,\nnot on the green"], where.Comments);
    }

    [Fact]
    public void Read_SurveyMonkeyTwoHeaderRows_OneColumnPerAnswerCounted()
    {
        var results = Import(SurveyMonkeyCsv(), "Data_All_250320.csv");

        Assert.Equal(3, results.Questions.Count);
        Assert.Equal(3, results.Respondents);
        Assert.Equal(new AnswerCount("Yes", 2, 67), Question(results, "H1").Counts[0]);
        var takePart = Question(results, "L1");
        Assert.Equal(AnswerKind.ManyChoices, takePart.Kind);
        Assert.Equal(2, takePart.Answered);
        Assert.Equal(new AnswerCount("Walking", 2, 100), takePart.Counts[0]);
        Assert.Equal(new AnswerCount("Sports clubs", 1, 50), takePart.Counts.Single(c => c.Answer == "Sports clubs"));
        Assert.Equal(new AnswerCount("Volunteering", 1, 50), takePart.Counts.Single(c => c.Answer == "Volunteering"));
        var missing = Question(results, "L2");
        Assert.Equal(["A \"proper\" youth club", "+44 call me"], missing.Comments);
    }

    [Fact]
    public void Read_ExcelUnicodeText_Utf16TabSeparated_UnmatchedColumnKeptWithItsTotals()
    {
        var results = Import(ExcelUnicodeText(), "survey.txt");

        Assert.Equal("Unicode text", results.Format);
        var broadband = Question(results, "S2");
        Assert.Equal(new AnswerCount("Very poor", 2, 50), broadband.Counts[0]);
        var street = results.Questions.Single(q => q.Heading == "Street");
        Assert.Null(street.QuestionId);
        Assert.Equal(new AnswerCount("Church Lane", 2, 50), street.Counts[0]);
        Assert.Single(results.Unmatched);
    }

    [Fact]
    public void Read_Windows1252Csv_PoundAndAccentDecoded_AtSignKeptAsText()
    {
        var results = Import(Windows1252Csv(), "paper-survey.csv");

        Assert.Equal("CSV (Windows-1252)", results.Format);
        Assert.Equal(new AnswerCount("Good", 2, 67), Question(results, "S2").Counts[0]);
        Assert.Equal(["Café open on Sundays", "A £5 bus to town", "@everyone a post office"], Question(results, "S3").Comments);
    }

    [Fact]
    public void Match_UnmatchedColumnToTickAllQuestion_CountsSplitAgain()
    {
        var table = new SurveyTable([new SurveyColumn("Getting about: what would help?")], [["More buses, Cycle routes"], ["More buses"], ["Cycle routes, More buses"]], "CSV");
        var results = SurveyTally.Tally(table, Questionnaire, "f.csv", Now);
        Assert.Null(results.Questions[0].QuestionId);

        var matched = results.Match(1, QuestionBank.Find("T3"));

        Assert.Equal("T3", matched.Questions[0].QuestionId);
        Assert.Equal(new AnswerCount("More buses", 3, 100), matched.Questions[0].Counts[0]);
        Assert.Equal(new AnswerCount("Cycle routes", 2, 67), matched.Questions[0].Counts[1]);
        Assert.Empty(matched.Unmatched);
    }

    [Fact]
    public void Csv_AnswersThatLookLikeFormulas_AreNeutralised()
    {
        var results = Import(FormsWorkbook(), "f.xlsx");

        var csv = SpreadsheetSafe.Csv(results);

        Assert.Contains("'=SUM(A1:A9)", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=SUM", csv, StringComparison.Ordinal);
        Assert.Equal("'+44", SpreadsheetSafe.Cell("+44"));
        Assert.Equal("'-1", SpreadsheetSafe.Cell("-1"));
        Assert.Equal("'@x", SpreadsheetSafe.Cell("@x"));
        Assert.Equal("Fine", SpreadsheetSafe.Cell("Fine"));
    }

    [Theory]
    [InlineData("empty.csv", "", "The file is empty")]
    [InlineData("blank.csv", "\r\n\r\n", "no heading row")]
    [InlineData("headers.csv", "Q1,Q2\r\n", "no answers")]
    [InlineData("survey.pdf", "%PDF-1.7 ...", "can't read this kind of file")]
    public void Read_BadFiles_PlainProblemAndNoTable(string name, string text, string problem)
    {
        var (table, message) = SurveyFileReader.Read(Encoding.UTF8.GetBytes(text), name);

        Assert.Null(table);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BinaryRenamedCsvOrBrokenWorkbook_Refused()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        Assert.Contains("can't read the text", SurveyFileReader.Read(png, "results.csv").Problem, StringComparison.Ordinal);

        var broken = FormsWorkbook()[..200];
        Assert.Contains("can't open this workbook", SurveyFileReader.Read(broken, "results.xlsx").Problem, StringComparison.Ordinal);
    }

    private static SurveyResults Import(byte[] content, string name)
    {
        var (table, problem) = SurveyFileReader.Read(content, name);
        Assert.True(table is not null, problem);
        return SurveyTally.Tally(table, Questionnaire, name, Now);
    }

    private static QuestionTotals Question(SurveyResults results, string id) => results.Questions.Single(q => q.QuestionId == id);
}
