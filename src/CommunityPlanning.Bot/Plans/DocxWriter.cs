using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommunityPlanning.Bot.Plans;

/// <summary>
/// Writes an accessible Word document in memory: a styles part with real heading styles (Title, Heading 1 and 2,
/// list and table styles, en-GB), paragraphs and lists from plain text, tables whose header row repeats on every
/// page and is marked as a header, a contents field with its entries already written, and portrait or landscape
/// sections. Every piece of text passes <see cref="XmlSafe"/>, so a control character pasted from elsewhere can
/// never make the file unreadable.
/// </summary>
internal sealed class DocxWriter : IDisposable
{
    /// <summary>The style ids the writer defines.</summary>
    public const string TitleStyle = "Title";

    /// <summary>The subtitle under the title.</summary>
    public const string SubtitleStyle = "Subtitle";

    /// <summary>Heading 1.</summary>
    public const string Heading1Style = "Heading1";

    /// <summary>Heading 2.</summary>
    public const string Heading2Style = "Heading2";

    /// <summary>The heading of the contents list (not a heading, so headings stay in order).</summary>
    public const string ContentsHeadingStyle = "TOCHeading";

    /// <summary>A contents entry.</summary>
    public const string ContentsEntryStyle = "TOC1";

    /// <summary>A bulleted line.</summary>
    public const string BulletStyle = "ListBullet";

    /// <summary>The word marking a draft.</summary>
    public const string DraftStyle = "DraftMark";

    private const string Bullet = "• ";

    // A4 in twentieths of a point, with 2 cm margins.
    private const int Width = 11906;
    private const int Height = 16838;
    private const int Margin = 1134;

    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private readonly Body _body;
    private readonly string? _headerId;
    private int _bookmark;

    /// <summary>Starts a document with the given title (document properties), and a header text on every page when given.</summary>
    public DocxWriter(string title, string? header)
    {
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = XmlSafe(title);
        _document.PackageProperties.Language = "en-GB";
        var main = _document.AddMainDocumentPart();
        main.Document = new Document(_body = new Body());
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new ThemeFontLanguages { Val = "en-GB" });
        if (header is not null)
        {
            var part = main.AddNewPart<HeaderPart>();
            part.Header = new Header(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DraftStyle }, new Justification { Val = JustificationValues.Right }), Run(header)));
            _headerId = main.GetIdOfPart(part);
        }
    }

    /// <summary>Removes characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            clean ??= new StringBuilder(text, 0, i, text.Length);
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>A paragraph in a style (or Normal).</summary>
    public void Paragraph(string text, string? style = null, bool bold = false)
    {
        var properties = style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style });
        _body.Append(new Paragraph(properties, Run(text, bold)));
    }

    /// <summary>A heading (level 1 or 2) with a bookmark, so a contents entry can point at it; returns the bookmark name.</summary>
    public string Heading(int level, string text)
    {
        var name = $"_Heading{++_bookmark}";
        var id = _bookmark.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _body.Append(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? Heading1Style : Heading2Style }),
            new BookmarkStart { Id = id, Name = name },
            Run(text),
            new BookmarkEnd { Id = id }));
        return name;
    }

    /// <summary>
    /// Plain text as paragraphs: one per line; a line starting with "•" (or "- ", "* ") is a bulleted list item;
    /// blank lines are dropped.
    /// </summary>
    public void Text(string text)
    {
        foreach (var raw in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('•') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                Paragraph(Bullet + line[1..].TrimStart(), BulletStyle);
            }
            else
            {
                Paragraph(line);
            }
        }
    }

    /// <summary>
    /// A contents list: a TOC field (Word rebuilds it with page numbers when fields are updated) whose result is
    /// already the list of <paramref name="entries"/>, each linked to its heading, so it reads without updating.
    /// </summary>
    public void Contents(string title, IReadOnlyList<(string Text, string Bookmark)> entries)
    {
        _body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = ContentsHeadingStyle }), Run(title)));
        for (var i = 0; i < entries.Count; i++)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = ContentsEntryStyle }));
            if (i == 0)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }

            paragraph.Append(new Hyperlink(Run(entries[i].Text)) { Anchor = entries[i].Bookmark, History = true });
            if (i == entries.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            _body.Append(paragraph);
        }
    }

    /// <summary>
    /// A table with a header row that repeats on every page and is marked as the header (<c>w:tblHeader</c>), a
    /// caption and description for screen readers, and rows that do not split across pages.
    /// </summary>
    public void Table(string caption, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<DocxCell>> rows, IReadOnlyList<int> widths)
    {
        var border = new BorderType[] { new TopBorder(), new LeftBorder(), new BottomBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border)
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "808080";
        }

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(border),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { FirstRow = true, Val = "0020" },
            new TableCaption { Val = XmlSafe(caption) },
            new TableDescription { Val = XmlSafe($"{caption}: one row per action, with a header row.") }));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        table.Append(Row(headings.Select(h => new DocxCell(h)).ToList(), widths, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, header: false));
        }

        _body.Append(table);

        // Word needs a paragraph after a table; it also keeps the next heading off the table.
        _body.Append(new Paragraph());
    }

    /// <summary>A page break.</summary>
    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>Ends the section written so far (portrait or landscape A4); what follows starts on a new page.</summary>
    public void EndSection(bool landscape) =>
        _body.Append(new Paragraph(new ParagraphProperties(SectionProperties(landscape))));

    /// <summary>Finishes the document (the last section portrait or landscape) and returns its bytes.</summary>
    public byte[] Finish(bool landscape)
    {
        _body.Append(SectionProperties(landscape));
        _document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private SectionProperties SectionProperties(bool landscape)
    {
        var properties = new SectionProperties();
        if (_headerId is not null)
        {
            properties.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = _headerId });
        }

        properties.Append(
            landscape
                ? new PageSize { Width = Height, Height = Width, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = Width, Height = Height },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
        return properties;
    }

    private TableRow Row(IReadOnlyList<DocxCell> cells, IReadOnlyList<int> widths, bool header)
    {
        var row = new TableRow(header
            ? new TableRowProperties(new TableHeader(), new CantSplit())
            : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            var content = i < cells.Count ? cells[i] : new DocxCell(string.Empty);
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            if (header)
            {
                cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9D9D9", Color = "auto" });
            }

            cell.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), Run(content.Text, header)));
            if (content.Note is { } note)
            {
                cell.Append(Note(note, content.Link));
            }

            row.Append(cell);
        }

        return row;
    }

    // A second, smaller line in a cell; a link to an outside address when given (underlined, so it does not rely on colour).
    private Paragraph Note(string text, Uri? link)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }));
        if (link is null || !link.IsAbsoluteUri)
        {
            paragraph.Append(new Run(new RunProperties(new FontSize { Val = "18" }), new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
            return paragraph;
        }

        var id = _document.MainDocumentPart!.AddHyperlinkRelationship(link, isExternal: true).Id;
        paragraph.Append(new Hyperlink(new Run(
            new RunProperties(new Color { Val = "0563C1" }, new FontSize { Val = "18" }, new Underline { Val = UnderlineValues.Single }),
            new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        { Id = id, History = true });
        return paragraph;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(
            defaults,
            ParagraphStyle("Normal", "Normal", null, null, isDefault: true),
            ParagraphStyle(TitleStyle, "Title", new RunProperties(new Bold(), new FontSize { Val = "56" }), null),
            ParagraphStyle(SubtitleStyle, "Subtitle", new RunProperties(new Color { Val = "404040" }, new FontSize { Val = "32" }), null),
            ParagraphStyle(Heading1Style, "heading 1", new RunProperties(new Bold(), new FontSize { Val = "36" }), 0, keepNext: true),
            ParagraphStyle(Heading2Style, "heading 2", new RunProperties(new Bold(), new FontSize { Val = "28" }), 1, keepNext: true),
            ParagraphStyle(ContentsHeadingStyle, "TOC Heading", new RunProperties(new Bold(), new FontSize { Val = "32" }), null, keepNext: true),
            ParagraphStyle(ContentsEntryStyle, "toc 1", null, null),
            ParagraphStyle(BulletStyle, "List Bullet", null, null, indent: true),
            ParagraphStyle(DraftStyle, "Draft mark", new RunProperties(new Bold(), new Caps(), new Color { Val = "C00000" }, new FontSize { Val = "28" }), null));
    }

    private static Style ParagraphStyle(string id, string name, RunProperties? run, int? outline, bool isDefault = false, bool keepNext = false, bool indent = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        else
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());

        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        }

        if (indent)
        {
            paragraph.Append(new Indentation { Left = "360", Hanging = "360" });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
        }

        return style;
    }
}
