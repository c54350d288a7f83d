using CommunityPlanning.Domain.Dates;
using CommunityPlanning.Domain.Drafting;

namespace CommunityPlanning.Bot.Plans;

/// <summary>
/// The plan as a Word document: a cover with the community's name, the kind of plan and the date (and "Draft" until
/// step 7 is complete, on the cover and at the top of every page), a contents list, then each section under a
/// Heading 1 in order; the action plan's table, on landscape pages, has a header row that repeats on every page.
/// The plan has no pictures, so there is no alt text to give.
/// </summary>
internal static class PlanDocx
{
    /// <summary>The table's columns in the document (the CSV has every column).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["No.", "Action", "Lead", "Partners", "When", "Cost", "Funding", "Priority", "Status"];

    // Twentieths of a point, filling a landscape A4 page inside 2 cm margins.
    private static readonly int[] Widths = [600, 3800, 1800, 2000, 1500, 1000, 1700, 1000, 1170];

    /// <summary>The document's bytes.</summary>
    public static byte[] Write(PlanDocumentModel plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var title = $"{plan.CommunityName} {plan.PlanTitle}";
        using var doc = new DocxWriter(title, plan.IsDraft ? $"Draft: {title}" : null);
        doc.Paragraph(plan.CommunityName, DocxWriter.TitleStyle);
        doc.Paragraph(plan.PlanTitle, DocxWriter.SubtitleStyle);
        doc.Paragraph(UkDateFormat.Day(plan.Date));
        if (plan.IsDraft)
        {
            doc.Paragraph("Draft", DocxWriter.DraftStyle);
            doc.Paragraph("This is a draft. It becomes the final plan when the steering group completes step 7.");
        }

        doc.PageBreak();
        var bookmarks = plan.Sections.Select((s, i) => $"_Heading{i + 1}").ToList();
        doc.Contents("Contents", plan.Sections.Select((s, i) => (s.Definition.Title, bookmarks[i])).ToList());
        doc.PageBreak();
        foreach (var section in plan.Sections)
        {
            if (section.Definition.Id == PlanSections.Actions)
            {
                doc.EndSection(landscape: false);
                doc.Heading(1, section.Definition.Title);
                doc.Text(section.Text);
                if (plan.Actions.Count == 0)
                {
                    doc.Paragraph("There are no actions yet.");
                }
                else
                {
                    doc.Table("The action plan", Columns, plan.Actions.Select(Cells), Widths);
                }

                doc.EndSection(landscape: true);
                continue;
            }

            doc.Heading(1, section.Definition.Title);
            doc.Text(section.Text);
        }

        return doc.Finish(landscape: false);
    }

    /// <summary>A row's cells in <see cref="Columns"/> order; an action made from a message says so under its title, linked to the message.</summary>
    public static IReadOnlyList<DocxCell> Cells(ActionPlanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var action = row.FromMessage.Length == 0 ? new DocxCell(row.Action) : new DocxCell(row.Action, row.FromMessage, row.MessageLink);
        return [new(row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), action, new(row.Lead), new(row.Partners), new(row.When), new(row.Cost), new(row.Funding), new(row.Priority), new(row.Status)];
    }
}
