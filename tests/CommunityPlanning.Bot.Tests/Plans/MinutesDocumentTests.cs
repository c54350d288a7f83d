using CommunityPlanning.Bot.Plans;
using CommunityPlanning.Domain.Meetings;
using static CommunityPlanning.Bot.Tests.Plans.DocumentReading;

namespace CommunityPlanning.Bot.Tests.Plans;

/// <summary>Minutes as a Word document.</summary>
public sealed class MinutesDocumentTests
{
    [Fact]
    public void Write_Minutes_HeadingsAndEveryEntry()
    {
        var start = new DateTimeOffset(2025, 3, 14, 19, 0, 0, TimeSpan.Zero);
        var minutes = new MinutesSummary(
            "m1", "Little Wittering", start, start.AddHours(2), "Ann", "Ann",
            ["Ann", "Bob"], ["Cat"], new QuorumStatus(2, 2), ["Budget"],
            [new MinutesTick(1, "Hold a launch event", "Bob")],
            [new MinutesEntry("Repaint the \u0001bus shelter", "Ann", start.AddMinutes(30))],
            [new MinutesAction(4, "Ask the council", "Bob", new DateOnly(2025, 3, 28))],
            [new MinutesEntry("Line one\nline two", "Cat", start)],
            null);
        using var doc = Open(MinutesDocx.Write(minutes));
        Assert.Empty(Errors(doc));
        Assert.Equal(["Little Wittering steering group: minutes"], WithStyle(doc, DocxWriter.TitleStyle));
        Assert.Equal(["Minutes"], WithStyle(doc, DocxWriter.Heading1Style));
        Assert.Equal(["Present", "Apologies", "Quorum", "Agenda items added", "Checklist items completed", "Decisions", "Actions", "Notes", "Next meeting"], WithStyle(doc, DocxWriter.Heading2Style));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Fri 14 Mar 2025 at 7:00pm to 9:00pm", text, StringComparison.Ordinal);
        Assert.Contains("Repaint the bus shelter (recorded by Ann)", text, StringComparison.Ordinal);
        Assert.Contains("4. Ask the council (Bob, due Fri 28 Mar 2025)", text, StringComparison.Ordinal);
        Assert.Contains("• Line one line two (Cat)", text, StringComparison.Ordinal);
        Assert.Contains("Met: 2 here, 2 needed", text, StringComparison.Ordinal);
    }
}
