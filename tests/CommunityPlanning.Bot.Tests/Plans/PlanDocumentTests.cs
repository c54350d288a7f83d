using System.Text;
using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Plans;
using DocumentFormat.OpenXml.Wordprocessing;
using static CommunityPlanning.Bot.Tests.Plans.DocumentReading;

namespace CommunityPlanning.Bot.Tests.Plans;

/// <summary>The plan as a Word document, opened again with the OpenXml SDK.</summary>
public sealed class PlanDocumentTests
{
    [Fact]
    public void Write_DraftPlan_ValidWithCoverContentsSectionsAndTheActionTable()
    {
        var state = Group(actions: 12);
        var model = PlanDocumentModel.From(state, At)!;
        using var doc = Open(PlanDocx.Write(model));

        Assert.Empty(Errors(doc));
        Assert.Equal("Little Wittering Community Led Plan (Parish Plan)", doc.PackageProperties.Title);

        // Cover: the community's name, the kind of plan, the date, and "Draft".
        var paragraphs = Paragraphs(doc);
        Assert.Equal(("Little Wittering", DocxWriter.TitleStyle), (paragraphs[0].InnerText, StyleOf(paragraphs[0])));
        Assert.Equal(("Community Led Plan (Parish Plan)", DocxWriter.SubtitleStyle), (paragraphs[1].InnerText, StyleOf(paragraphs[1])));
        Assert.Equal("Fri 14 Mar 2025", paragraphs[2].InnerText);
        Assert.Equal(("Draft", DocxWriter.DraftStyle), (paragraphs[3].InnerText, StyleOf(paragraphs[3])));
        Assert.Contains("Draft: Little Wittering", doc.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);

        // Real heading styles, defined in the styles part with outline levels.
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles[DocxWriter.Heading1Style].StyleName!.Val!.Value);
        Assert.Equal(0, styles[DocxWriter.Heading1Style].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles[DocxWriter.Heading2Style].StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        // The sections in order, each a Heading 1; the contents list names them in the same order, inside a TOC field.
        var titles = PlanSections.All.Select(s => s.Title).ToList();
        Assert.Equal(titles, WithStyle(doc, DocxWriter.Heading1Style));
        Assert.Equal(titles, Paragraphs(doc).Where(p => StyleOf(p) == DocxWriter.ContentsEntryStyle).Select(p => string.Concat(p.Descendants<Hyperlink>().Select(h => h.InnerText))));
        Assert.All(Paragraphs(doc).Where(p => StyleOf(p) == DocxWriter.ContentsEntryStyle), p => Assert.StartsWith("_Heading", p.Descendants<Hyperlink>().Single().Anchor!.Value, StringComparison.Ordinal));
        Assert.Contains(doc.MainDocumentPart.Document!.Descendants<FieldCode>(), f => f.Text.TrimStart().StartsWith("TOC", StringComparison.Ordinal));
        Assert.True(Paragraphs(doc).ToList().FindIndex(p => StyleOf(p) == DocxWriter.ContentsHeadingStyle) < Paragraphs(doc).ToList().FindIndex(p => StyleOf(p) == DocxWriter.Heading1Style));
        Assert.Contains("Speeding (82% supported it)", doc.MainDocumentPart.Document.Body!.InnerText, StringComparison.Ordinal);

        // The action plan: a header row repeated on every page, then one row per action.
        var table = doc.MainDocumentPart.Document.Body.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Equal(PlanDocx.Columns, rows[0].Elements<TableCell>().Select(c => c.InnerText));
        var expected = ActionPlanTable.Rows(state);
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.Equal(expected.Select(r => PlanDocx.Cells(r).Select(c => c.Text + c.Note).ToList()), rows.Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()));
        Assert.Equal("The action plan", table.GetFirstChild<TableProperties>()!.TableCaption!.Val!.Value);

        // The table is on landscape pages between portrait ones.
        var orientations = doc.MainDocumentPart.Document.Descendants<PageSize>().Select(p => p.Orient?.Value == PageOrientationValues.Landscape).ToList();
        Assert.Equal([false, true, false], orientations);
    }

    [Fact]
    public void Write_ActionFromAMessage_SaysSoUnderItsTitleLinkedToTheMessage()
    {
        var state = Group(actions: 2);
        var first = state.Find<ActionItem>(ActionItem.KeyFor(1))!;
        var link = new Uri("https://teams.microsoft.com/l/message/19%3Aabc/1700000000000");
        state.Load(first with { FromMessageBy = "Sam Jones", FromMessageLink = link }, "v");
        using var doc = Open(PlanDocx.Write(PlanDocumentModel.From(state, At)!));

        Assert.Empty(Errors(doc));
        var cell = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().ElementAt(1).Elements<TableCell>().ElementAt(1);
        Assert.Equal(first.Title + "From a message by Sam Jones", cell.InnerText);
        var hyperlink = cell.Descendants<Hyperlink>().Single();
        Assert.Equal("From a message by Sam Jones", hyperlink.InnerText);
        Assert.Equal(link, doc.MainDocumentPart.HyperlinkRelationships.Single(r => r.Id == hyperlink.Id!.Value).Uri);
        var second = doc.MainDocumentPart.Document.Body.Elements<Table>().Single().Elements<TableRow>().ElementAt(2).Elements<TableCell>().ElementAt(1);
        Assert.Empty(second.Descendants<Hyperlink>());
    }

    [Fact]
    public void Write_HeadingsInOrder_NoLevelSkipped()
    {
        using var doc = Open(PlanDocx.Write(PlanDocumentModel.From(Group(actions: 3), At)!));
        var levels = Paragraphs(doc).Select(StyleOf).Where(s => s is DocxWriter.Heading1Style or DocxWriter.Heading2Style).Select(s => s == DocxWriter.Heading1Style ? 1 : 2).ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), p => Assert.True(p.Second <= p.First + 1));
        Assert.Empty(doc.MainDocumentPart!.Document!.Descendants<Drawing>()); // no pictures, so no alt text is missing
    }

    [Fact]
    public void Write_FinalPlan_NoDraftMark()
    {
        var state = Group(actions: 1);
        state.Load(new StepRecord(7, true), "v");
        using var doc = Open(PlanDocx.Write(PlanDocumentModel.From(state, At)!));
        Assert.Empty(WithStyle(doc, DocxWriter.DraftStyle));
        Assert.Empty(doc.MainDocumentPart!.HeaderParts);
        Assert.DoesNotContain("Draft", doc.MainDocumentPart.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ControlCharactersPasted_RemovedAndTheFileOpens()
    {
        var state = Group(actions: 2, title: i => i == 1 ? "Fix the \u0001bus\u000B shelter\uFFFF \uD800now" : "Plant 😀 trees");
        var vision = state.Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Vision))!;
        state.Load(vision with { Text = "Bell\u0007 tower\u001F restored" }, "v");
        using var doc = Open(PlanDocx.Write(PlanDocumentModel.From(state, At)!));
        Assert.Empty(Errors(doc));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Fix the bus shelter now", text, StringComparison.Ordinal);
        Assert.Contains("Plant 😀 trees", text, StringComparison.Ordinal);
        Assert.Contains("Bell tower restored", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b\u0008c\u000Cd", "abcd")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("pair 😀", "pair 😀")]
    public void XmlSafe_RemovesOnlyWhatXmlCannotHold(string input, string expected) => Assert.Equal(expected, DocxWriter.XmlSafe(input));

    [Fact]
    public void XmlSafe_LoneSurrogates_Removed()
    {
        Assert.Equal("lone  low", DocxWriter.XmlSafe("lone \uDC00 low"));
        Assert.Equal("high  end", DocxWriter.XmlSafe("high \uD83D end"));
        Assert.Equal("end", DocxWriter.XmlSafe("end\uD83D"));
    }

    [Fact]
    public void Write_ThreeHundredActionsAndLongSections_EveryRowThere()
    {
        var state = Group(actions: 300, sectionLength: PlanSections.MaxTextLength);
        using var doc = Open(PlanDocx.Write(PlanDocumentModel.From(state, At)!));
        Assert.Equal(301, doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().Count());
        Assert.Contains("Line 27 of Thanks", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        Assert.True(WithStyle(doc, DocxWriter.BulletStyle).Count >= 7 * 9);
        Assert.Equal(Encoding.UTF8.GetBytes("PK"), PlanDocx.Write(PlanDocumentModel.From(state, At)!)[..2]);
    }
}
