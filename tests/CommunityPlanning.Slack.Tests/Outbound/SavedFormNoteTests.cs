using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Plans;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Slack.Outbound;
using CommunityPlanning.Slack.Work;

namespace CommunityPlanning.Slack.Tests.Outbound;

/// <summary>
/// A form saved from a modal: Slack closes the modal, so the person is told privately what was saved and where to
/// open the form again.
/// </summary>
public sealed class SavedFormNoteTests
{
    private static readonly Dictionary<string, string> Data = new(StringComparer.Ordinal) { ["g"] = "g-1" };

    [Fact]
    public void StepForm_Saved_PointsBackToTheStepCard()
    {
        var text = Render(Form("Volunteers", "form.save"));
        Assert.Contains("Saved by Ann. To change anything, open ", text, StringComparison.Ordinal);
        Assert.Contains("Volunteers", text, StringComparison.Ordinal);
        Assert.Contains(" again from the step card.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSection_Saved_PointsBackToThePlan()
    {
        var text = Render(Form("Our vision and priorities", PlanVerbs.SaveSection));
        Assert.Contains("Saved by Ann. To change anything, type ", text, StringComparison.Ordinal);
        Assert.Contains(" and open it again.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("step card", text, StringComparison.Ordinal);
    }

    private static Card Form(string title, string saveVerb) => new()
    {
        Title = title,
        Blocks = [new TextBlock("Saved by Ann.", TextTone.Good), new InputBlock(new InputField("text", "Text", FieldType.Text))],
        Actions = [new CardAction("Save", saveVerb, Data) { SubmitsInputs = true }],
    };

    private static string Render(Card form)
    {
        var renderer = new SlackReplyRenderer(new SlackTarget("T1", "C1", "U1"), modalClosed: true);
        return string.Join("\n", renderer.Render(new PlannedReply(new Reply { Card = form }, DeliveryAction.Private)));
    }
}
