using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.State;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommunityPlanning.Bot.Tests.Plans;

/// <summary>Groups to write documents for, and reading the documents back with the OpenXml SDK.</summary>
internal static class DocumentReading
{
    public static readonly DateTimeOffset At = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    public static readonly MemberRef Pat = new("u-pat", "Pat");

    /// <summary>A group with a plan, every section drafted, and <paramref name="actions"/> actions.</summary>
    public static GroupState Group(int actions, Func<int, string>? title = null, int sectionLength = 0)
    {
        var state = new GroupState("g-1");
        state.Load(new PlanRecord("Little Wittering", PlanType.CommunityLedPlan, 6, Pat, At), "v");
        state.Load(new MemberRecord(Pat, MemberRole.Chair, At), "v");
        state.Load(new FormRow(4, "issues", "i1", new Dictionary<string, string> { ["issue"] = "Speeding", ["theme"] = "transport", ["support"] = "82" }, Pat, At), "v");
        for (var i = 1; i <= actions; i++)
        {
            state.Load(ActionItem.Create(i, title?.Invoke(i) ?? $"Action number {i}", 5, Pat, At) with
            {
                Owner = i % 2 == 0 ? Pat : null,
                Due = i % 3 == 0 ? new DateOnly(2025, 9, 30) : null,
                Plan = i % 2 == 1 ? new ActionPlanFields { Lead = "Parish council", Partners = "County highways", Cost = 250m * i, Funding = "Precept", Priority = "high", Timescale = "short" } : null,
            }, "v");
        }

        foreach (var section in PlanSections.All)
        {
            var text = sectionLength > 0
                ? string.Join('\n', Enumerable.Range(0, sectionLength / 100).Select(n => (n % 3 == 0 ? "• " : string.Empty) + $"Line {n} of {section.Title}: " + new string('w', 70)))
                : PlanDrafter.Draft(section.Id, state);
            state.Load(new PlanSectionRecord(section.Id, text, PlanSectionStatus.Draft, Pat, At), "v");
        }

        return state;
    }

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    public static IReadOnlyList<ValidationErrorInfo> Errors(WordprocessingDocument doc) =>
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).ToList();

    public static string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public static IReadOnlyList<Paragraph> Paragraphs(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

    public static IReadOnlyList<string> WithStyle(WordprocessingDocument doc, string style) =>
        Paragraphs(doc).Where(p => StyleOf(p) == style).Select(p => p.InnerText).ToList();
}
