using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Dialogs;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class QuestionCardTests
{
    [Fact]
    public async Task AskMe_QuestionCard_CarriesItsOwnInputAndSaveSkipStop()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        var replies = await chat.Send(Ann, "ask me the questions");

        var card = replies.Card;
        Assert.True(card.InputsInMessage);
        Assert.False(card.IsForm);
        Assert.Equal("Step 1 · About your community", card.Title);
        var input = Assert.Single(card.Blocks.OfType<InputBlock>()).Input;
        Assert.Equal(QuestionVerbs.AnswerInput, input.Id);
        Assert.Contains("Describe the area", input.Label, StringComparison.Ordinal);
        Assert.Equal(["Save", "Skip", "Stop"], card.Actions.Select(a => a.Title));
        Assert.True(card.Actions[0].SubmitsInputs);
        replies.AssertNoReply("Type skip");
    }

    [Fact]
    public async Task SaveOnCard_GoodAnswer_StoresItAndReplacesTheCardWithTheNextQuestion()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        var replies = await chat.Press(Ann, "Save", Inputs.Of((QuestionVerbs.AnswerInput, "The parish of Little Wittering")));

        replies.AssertMode(ReplyMode.ReplaceSource).AssertReply("Saved.").AssertReply("how many people");
        var values = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values;
        Assert.Equal("The parish of Little Wittering", values["area"]);
    }

    [Fact]
    public async Task SaveOnCard_BadNumber_ShowsTheErrorBesideTheFieldAndStoresNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        await chat.Press(Ann, "Skip");

        var replies = await chat.Press(Ann, "Save", Inputs.Of((QuestionVerbs.AnswerInput, "12.5")));

        replies.AssertMode(ReplyMode.ReplaceSource);
        var input = Assert.Single(replies.Card.Blocks.OfType<InputBlock>()).Input;
        Assert.Equal("Please use a whole number.", input.Error);
        Assert.Equal("12.5", input.Value);
        Assert.True(input.WholeNumber);
        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task SaveOnCard_Empty_AsksForAnAnswerBesideTheField()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        var replies = await chat.Press(Ann, "Save", Inputs.Of((QuestionVerbs.AnswerInput, "  ")));

        Assert.Equal("Please give an answer, or press Skip to leave it for now.", Assert.Single(replies.Card.Blocks.OfType<InputBlock>()).Input.Error);
    }

    [Fact]
    public async Task SaveOnCard_Date_TakesThePickersValue()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        await chat.Press(Ann, "Skip");
        await chat.Press(Ann, "Skip");
        await chat.Press(Ann, "Skip");
        (await chat.Press(Ann, "Save", Inputs.Of((QuestionVerbs.AnswerInput, "yes")))).AssertReply("Date of the council minute");

        (await chat.Press(Ann, "Save", Inputs.Of((QuestionVerbs.AnswerInput, "2025-03-21")))).AssertReply("adviser");

        var values = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "support", FormRow.SingleRowId))!.Values;
        Assert.Equal("true", values["councilSupport"]);
        Assert.Equal("2025-03-21", values["minuteDate"]);
    }

    [Fact]
    public async Task StopOnCard_EndsTheQuestionsAndClosesTheCard()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        var replies = await chat.Press(Ann, "Stop");

        replies.AssertMode(ReplyMode.ReplaceSource).AssertReply("I've stopped asking");
        Assert.Empty(replies.Card.Actions);
        Assert.Null((await chat.Stored()).Find<DialogState>(DialogState.KeyFor(Ann.Id)));
    }

    [Fact]
    public async Task SaveOnCard_PressedBySomeoneElse_IsRefusedPrivatelyAndChangesNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        var card = chat.LastCard!;

        var replies = await chat.Press(Bob, Replies.Button(card, "Save"), Inputs.Of((QuestionVerbs.AnswerInput, "Bob's answer")));

        replies.AssertMode(ReplyMode.Private).AssertReply("That question is for Ann");
        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task SaveOnCard_QuestionAnsweredMeanwhileByTyping_DoesNotOverwriteAndMovesOn()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");
        var first = chat.LastCard!;
        await chat.Send(Ann, "Typed answer");

        var replies = await chat.Press(Ann, Replies.Button(first, "Save"), Inputs.Of((QuestionVerbs.AnswerInput, "Card answer")));

        replies.AssertReply("answered meanwhile").AssertReply("how many people");
        Assert.Equal("Typed answer", (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values["area"]);
    }

    [Fact]
    public async Task PlainReply_FromThePersonAsked_AnswersTheQuestion()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        (await chat.SendPlain(Ann, "Just the parish")).AssertReply("how many people");

        Assert.Equal("Just the parish", (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values["area"]);
    }

    [Fact]
    public async Task PlainReply_ThatLooksLikeACommand_OnlyAnswersAndNeverRunsTheCommand()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        var replies = await chat.SendPlain(Ann, "progress");

        replies.AssertNoReply("Progress").AssertReply("how many people");
        Assert.Equal("progress", (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "community", FormRow.SingleRowId))!.Values["area"]);
    }

    [Fact]
    public async Task PlainReply_Stop_StopsTheQuestions()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions");

        (await chat.SendPlain(Ann, "stop")).AssertReply("I've stopped asking");

        Assert.Null((await chat.Stored()).Find<DialogState>(DialogState.KeyFor(Ann.Id)));
    }

    [Fact]
    public async Task PlainMessage_WithNoOpenQuestion_GetsNoReply()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        var replies = await chat.SendPlain(Bob, "help");

        Assert.Empty(replies);
    }
}
