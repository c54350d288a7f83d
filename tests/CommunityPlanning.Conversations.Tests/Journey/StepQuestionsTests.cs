using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class StepQuestionsTests
{
    [Fact]
    public async Task AskMe_AnswersSavedOneByOne_WithRepromptOnBadNumber()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "ask me the questions")).AssertReply("Step 1 · About your community").AssertReply("Describe the area");
        (await chat.Send(Ann, "The parish of Little Wittering and Upper Green")).AssertReply("how many people live there");
        (await chat.Send(Ann, "loads")).AssertReply("isn't a number").AssertReply("Type a whole number from 0 to");
        (await chat.Send(Ann, "1,250")).AssertReply("households");

        var values = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values;
        Assert.Equal("The parish of Little Wittering and Upper Green", values["area"]);
        Assert.Equal("1250", values["population"]);
    }

    [Fact]
    public async Task AskMe_Dates_ReadEnglishPhrasesAndRefuseImpossibleOnes()
    {
        using var chat = new ScriptedConversation(); // Wed 12 Mar 2025
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        await chat.Send(Ann, "skip");
        await chat.Send(Ann, "skip");
        await chat.Send(Ann, "skip");
        (await chat.Send(Ann, "yes")).AssertReply("Date of the council minute");

        (await chat.Send(Ann, "31/2")).AssertReply("February").AssertReply("Type a date");
        (await chat.Send(Ann, "next Friday")).AssertReply("adviser");

        var values = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "support", FormRow.SingleRowId))!.Values;
        Assert.Equal("true", values["councilSupport"]);
        Assert.Equal("2025-03-21", values["minuteDate"]);
    }

    [Fact]
    public async Task AskMe_ThreeWrongAnswers_OffersTheFormAndCarryOnResumes()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        await chat.Send(Ann, "skip");

        await chat.Send(Ann, "many");
        await chat.Send(Ann, "-4");
        (await chat.Send(Ann, "a few"))
            .AssertReply("fill this in on the form instead")
            .AssertReply("About your community");
        (await chat.Send(Ann, "200")).AssertReply("didn't understand").AssertReply("on hold: type \"carry on\"");
        (await chat.Send(Ann, "carry on")).AssertReply("Let's carry on").AssertReply("households");
    }

    [Fact]
    public async Task AskMe_InterruptedByCommand_ThenAnswerContinues()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        (await chat.Send(Ann, "progress")).AssertReply("progress");
        (await chat.Send(Ann, "Just the parish")).AssertReply("how many people");
        Assert.Equal("Just the parish", (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values["area"]);
    }

    [Fact]
    public async Task AskMe_Cancel_StopsAndKeepsAnswers()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        await chat.Send(Ann, "Just the parish");

        (await chat.Send(Ann, "cancel")).AssertReply("I've stopped asking");
        (await chat.Send(Ann, "300")).AssertReply("didn't understand");
        var state = await chat.Stored();
        Assert.Null(state.Find<DialogState>(DialogState.KeyFor(Ann.Id)));
        Assert.NotNull(state.Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task AskMe_IdleForADay_IsPutAsideWithANote()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        chat.Clock.Advance(TimeSpan.FromHours(25));

        (await chat.Send(Ann, "Just the parish")).AssertReply("We were part-way through the questions for step 1").AssertReply("carry on");
        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId)));
        (await chat.Send(Ann, "carry on")).AssertReply("Describe the area");
        (await chat.Send(Ann, "Just the parish")).AssertReply("how many people");
    }

    [Fact]
    public async Task AskMe_TwoMembers_EachHaveTheirOwnQuestions()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        (await chat.Send(Bob, "step 4")).AssertReply("Step 4");
        (await chat.Press(Bob, "Ask me questions")).AssertReply("Step 4 · Consultation events").AssertReply("Shall we add the first entry");

        (await chat.Send(Bob, "yes")).AssertReply("Name?");
        (await chat.Send(Ann, "The whole parish")).AssertReply("how many people");
        (await chat.Send(Bob, "Spring fair stall")).AssertReply("Method?").AssertReply("Choices: Open event");
        (await chat.Send(Bob, "sunbathing")).AssertReply("isn't one of the choices");
        (await chat.Send(Bob, "7")).AssertReply("Date?");

        var state = await chat.Stored();
        Assert.Equal("1", state.Find<DialogState>(DialogState.KeyFor(Ann.Id))!.Values["step"]);
        Assert.Equal("4", state.Find<DialogState>(DialogState.KeyFor(Bob.Id))!.Values["step"]);
    }

    [Fact]
    public async Task AskMe_NewRow_SavedWhenItsQuestionsAreDone()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions for step 4");
        await chat.Send(Ann, "no"); // no event yet
        (await chat.Send(Ann, "yes")).AssertReply("Surveys");
        await chat.Send(Ann, "Household questionnaire");
        await chat.Send(Ann, "households");
        await chat.Send(Ann, "1, 2, housing");
        await chat.Send(Ann, "both");
        await chat.Send(Ann, "1 April");
        (await chat.Send(Ann, "1/3/2025")).AssertReply("can't be before the opening date");
        await chat.Send(Ann, "end of April");
        await chat.Send(Ann, "400");
        (await chat.Send(Ann, "500")).AssertReply("More came back than were handed out");
        (await chat.Send(Ann, "252")).AssertReply("Saved to \"Surveys\": Household questionnaire");

        var row = Assert.Single(StepForms.Rows(await chat.Stored(), 4, "surveys"));
        Assert.Equal("housing,transport", row.Values["themes"]);
        Assert.Equal("2025-04-30", row.Values["closes"]);
        (await chat.Send(Ann, "step 4")).AssertReply("Surveys: 1 entry");
    }
}
