using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Surveys;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Surveys;

public sealed class SurveyCommandTests
{
    [Fact]
    public async Task SurveyAddAndRemove_QuestionsFromTheBank_QuestionnaireListsThemWithTheirAnswers()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Bob, "survey questions")).AssertReply("Transport and roads").AssertReply("T2: How often do you use the bus?");
        (await chat.Send(Bob, "survey add h1 T3, s3")).AssertReply("Added H1, T3, S3. Your questionnaire has 3 questions");
        (await chat.Send(Bob, "survey remove T3")).AssertReply("Took off T3");
        (await chat.Send(Bob, "survey add Z9")).AssertReply("I don't have question Z9");

        (await chat.Send(Bob, "questionnaire"))
            .AssertReply("1. Do we need more homes in the parish over the next 10 years? (tick one: Yes / No / Don't know)")
            .AssertReply("2. Which service would you most like to see in the parish? (in your own words)");
        Assert.Equal(["H1", "S3"], (await chat.Stored()).Find<QuestionnaireRecord>(QuestionnaireRecord.Kind)!.QuestionIds);
        (await chat.Send(Bob, "survey questions")).AssertReply("✅ H1");
    }

    [Fact]
    public async Task SurveyUpload_ByAMember_RefusedAndNamesTheOfficers_ChairToldWhenNoLinkCanBeMade()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");

        (await chat.Send(Bob, "survey upload")).AssertReply("Only the chair, vice-chair, secretary or treasurer can bring in survey results").AssertReply("Ask Ann (Chair)");
        (await chat.Send(Ann, "survey upload")).AssertReply("I can't make an upload link here").AssertMode(Turns.ReplyMode.Private);
    }

    [Fact]
    public async Task SurveyResultsAndMatch_UnmatchedQuestionMatchedByTheChair_TotalsCountedAgainAndOnStep4Card()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, "survey results")).AssertReply("No survey results yet");
        var table = new SurveyTable(
            [new SurveyColumn("Getting about"), new SurveyColumn(QuestionBank.Find("H1")!.Text)],
            [["More buses, Cycle routes", "Yes"], ["More buses", "Yes"], ["Cycle routes", "No"], ["More buses", "Yes"]],
            "CSV");
        var state = await chat.Stored();
        state.Put(new QuestionnaireRecord { QuestionIds = ["H1", "T3"] });
        state.Put(SurveyTally.Tally(table, [QuestionBank.Find("H1")!], "answers.csv", chat.Clock.GetUtcNow()));
        await chat.Store.SaveAsync(state, "setup");

        (await chat.Send(Ann, "survey results")).AssertReply("1. Getting about (not matched)").AssertReply("Not matched to your questionnaire: 1. Getting about");
        (await chat.Send(Bob, "survey match 1 to T3")).AssertReply("Only the chair");
        (await chat.Send(Ann, "survey match 1 to T3")).AssertReply("now counts as T3").AssertReply("Every question matched");

        var results = (await chat.Stored()).Find<SurveyResults>(SurveyResults.Kind)!;
        Assert.Equal(new AnswerCount("More buses", 3, 75), results.Questions[0].Counts[0]);
        Assert.Equal(new AnswerCount("Cycle routes", 2, 50), results.Questions[0].Counts[1]);
        (await chat.Send(Ann, "step 4")).AssertReply("What people told us").AssertReply("More buses: 75% of 4").AssertReply("Yes: 75% of 4");
        (await chat.Send(Ann, "survey")).AssertReply("2 questions").AssertReply("4 responses");
    }

    [Fact]
    public void Digest_SurveyClosingWithinTwoWeeks_RemindsTheGroup()
    {
        var progress = new SurveyProgress([], new DateOnly(2025, 3, 21), 40, 200, null);

        var text = CardText(ReminderMessages.Digest([], new DateOnly(2025, 3, 17), progress.ClosingReminder(new DateOnly(2025, 3, 17))));

        Assert.Contains("The survey closes Fri 21 Mar 2025 (4 days to go)", text, StringComparison.Ordinal);
        Assert.Equal(20, progress.HouseholdRate);
        Assert.Null(progress.ClosingReminder(new DateOnly(2025, 3, 1)));
    }

    private static string CardText(Turns.Reply reply) =>
        string.Join("\n", reply.Card!.Blocks.OfType<TextBlock>().Select(b => b.Text));
}
