using CommunityPlanning.Testing;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task StaleChecklistCard_TicksFromTwoMembers_BothPersist()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var annCard = (await chat.Send(Ann, "checklist")).Card;
        var bobCard = (await chat.Send(Bob, "checklist")).Card;

        await chat.Submit(Ann, Tick(annCard, "contact-adviser").Verb, Tick(annCard, "contact-adviser").Data);
        await chat.Submit(Bob, Tick(bobCard, "launch-event").Verb, Tick(bobCard, "launch-event").Data);

        var state = await chat.Stored();
        Assert.True(state.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "contact-adviser"))!.Done);
        Assert.True(state.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "launch-event"))!.Done);
    }

    [Fact]
    public async Task SaveForm_SomeoneSavesMeanwhile_TurnRunsAgainAndBothFieldsPersist()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        var annCard = (await chat.Press(Ann, "Launch event")).Card;
        await chat.Send(Bob, "step 1");
        var bobCard = (await chat.Press(Bob, "Launch event")).Card;

        // Bob's save lands between Ann's load and Ann's save: the store refuses Ann's write and the turn reruns.
        chat.Memory.BeforeNextSave = () =>
            chat.Press(Bob, Replies.Button(bobCard, "Save"), Inputs.Of(("date", "2025-04-05"), ("attendance", "70"))).GetAwaiter().GetResult();
        (await chat.Press(Ann, Replies.Button(annCard, "Save"), Inputs.Of(("date", "2025-04-05"), ("venue", "Village hall")))).AssertReply("Saved by Ann");

        var values = StepForms.Single(await chat.Stored(), 1, "launch")!.Values;
        Assert.Equal("Village hall", values["venue"]);
        Assert.Equal("70", values["attendance"]);
    }

    [Fact]
    public async Task RedeliveredAnswer_IsHandledOnce()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions for step 3");
        await chat.Send(Ann, "yes");
        var turn = new Turn { Kind = TurnKind.Message, Conversation = chat.Key, From = Ann, Text = "Census 2021 population", TurnId = "activity-42" };

        (await chat.Run(turn)).AssertReply("Value?");
        Assert.Empty(await chat.Run(turn));
        (await chat.Send(Ann, "1,240")).AssertReply("Source?");
    }

    [Fact]
    public async Task ChatAnswers_OutOfRangeOrTooLong_AreRefusedAndNothingChanges()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "ask me the questions for step 4");
        await chat.Send(Ann, "yes");
        (await chat.Send(Ann, new string('a', 151))).AssertReply("That's 151 characters; this takes up to 150");
        await chat.Send(Ann, "Spring fair");
        await chat.Send(Ann, "1");
        await chat.Send(Ann, "skip");
        await chat.Send(Ann, "skip");
        await chat.Send(Ann, "skip");
        (await chat.Send(Ann, "200000")).AssertReply("no bigger than 100000");
        (await chat.Send(Ann, "2.5")).AssertReply("whole number");
        var state = await chat.Stored();
        Assert.Empty(StepForms.Rows(state, 4, "events"));
        Assert.Equal(2, state.Find<DialogState>(DialogState.KeyFor(Ann.Id))!.Tries);
    }

    [Fact]
    public async Task StepCardButton_FromAnotherGroup_IsRefused()
    {
        var store = new InMemoryGroupStore();
        using var ours = new ScriptedConversation(store, "ours");
        using var theirs = new ScriptedConversation(store, "theirs");
        await ours.StartPlan();
        await theirs.StartPlan();
        var card = (await theirs.Send(Ann, "where are we")).Card;

        (await ours.Press(Ann, Replies.Button(card, "Ask me questions"))).AssertReply("belongs to a different group").AssertMode(ReplyMode.Private);
        Assert.Null((await ours.Stored()).Find<DialogState>(DialogState.KeyFor(Ann.Id)));
    }

    private static CardAction Tick(Card card, string item)
    {
        var block = card.Blocks.OfType<ChecklistBlock>().Single();
        return new CardAction("tick", block.Verb, new Dictionary<string, string>(block.Data) { [ChecklistBlock.ItemKey] = item, [ChecklistBlock.DoneKey] = "true" });
    }
}
