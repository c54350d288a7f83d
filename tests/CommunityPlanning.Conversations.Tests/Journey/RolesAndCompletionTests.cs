using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class RolesAndCompletionTests
{
    [Fact]
    public async Task Role_ChairSetsSecretary_MembersListsIt()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");

        (await chat.Send(Ann, "role Bob secretary", Bob)).AssertReply("Bob is now Secretary");
        (await chat.Send(Cat, "members")).AssertReply("Ann: Chair").AssertReply("Bob: Secretary").AssertReply("Cat: Member");
    }

    [Fact]
    public async Task Role_NotChair_IsRefusedNamingTheChair()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Bob, "I am the chair")).AssertReply("Only the chair, vice-chair, secretary or treasurer can set roles. Ask Ann (Chair)");
        var bob = (await chat.Stored()).Find<MemberRecord>(MemberRecord.KeyFor(Bob.Id));
        Assert.Equal(MemberRole.Member, bob!.Role);
    }

    [Fact]
    public async Task Role_NewChair_OldChairStepsDown()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "role Cat Jones vice chair", Cat)).AssertReply("Cat is now Vice-chair");
        (await chat.Send(Ann, "role @Bob chair", Bob)).AssertReply("Ann is no longer chair");
        (await chat.Send(Ann, "role Cat treasurer", Cat)).AssertReply("can set roles. Ask Bob (Chair) or Cat (Vice-chair)");
    }

    [Fact]
    public async Task StepComplete_OpenItems_AsksCompleteAnywayThenMovesOn()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "checklist");
        await chat.Press(Ann, ChecklistFeatureTick(chat, "contact-adviser"));

        (await chat.Send(Ann, "step complete")).AssertReply("There are 6 items not ticked").AssertReply("Complete anyway?");
        (await chat.Press(Ann, "Complete anyway"))
            .AssertReply("Marked complete by Ann")
            .AssertReply("You're now on step 2")
            .AssertReply("Step 2: Establishing the steering group");

        var state = await chat.Stored();
        Assert.Equal(2, state.Find<PlanRecord>(PlanRecord.Kind)!.CurrentStep);
        var record = state.Find<StepRecord>(StepRecord.KeyFor(1))!;
        Assert.True(record.Completed);
        Assert.Equal(Ann, record.CompletedBy);
        Assert.Equal(chat.Clock.GetUtcNow(), record.CompletedAt);
    }

    [Fact]
    public async Task StepComplete_NotYet_KeepsStepOpen()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step complete");

        (await chat.Press(Ann, "Not yet")).AssertReply("stays open");
        Assert.Equal(1, (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.CurrentStep);
    }

    [Fact]
    public async Task StepComplete_OrdinaryMember_IsRefusedNamingWhoCan()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role Bob secretary", Bob);

        (await chat.Send(Cat, "step complete")).AssertReply("Only the chair, vice-chair, secretary or treasurer can mark a step complete. Ask Ann (Chair) or Bob (Secretary)");
        var card = (await chat.Send(Ann, "step complete")).Card;
        (await chat.Press(Cat, Replies.Button(card, "Complete anyway"))).AssertReply("Only the chair, vice-chair, secretary or treasurer");
        (await chat.Press(Bob, Replies.Button(card, "Complete anyway"))).AssertReply("Marked complete by Bob");
    }

    [Fact]
    public async Task Reopen_OfficerOnly_ReopensWithoutMovingBack()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role Bob secretary", Bob);
        await chat.Send(Ann, "step complete");
        await chat.Press(Ann, "Complete anyway");

        (await chat.Send(Cat, "reopen step 1")).AssertReply("Only the chair, vice-chair, secretary or treasurer can reopen");
        (await chat.Send(Bob, "reopen step 1")).AssertReply("Step 1 is open again");
        (await chat.Send(Ann, "step 1")).AssertReply("Not yet marked complete");
        (await chat.Send(Bob, "complete step 1")).AssertReply("Complete step 1").AssertMode(ReplyMode.Private);
        (await chat.Press(Bob, "Complete anyway")).AssertReply("Marked complete by Bob").AssertNoReply("You're now on");
        Assert.Equal(2, (await chat.Stored()).Find<PlanRecord>(PlanRecord.Kind)!.CurrentStep);
    }

    private static Conversations.Cards.CardAction ChecklistFeatureTick(ScriptedConversation chat, string item)
    {
        var block = chat.LastCard!.Blocks.OfType<Conversations.Cards.ChecklistBlock>().Single();
        var data = new Dictionary<string, string>(block.Data) { ["item"] = item, ["done"] = "true" };
        return new Conversations.Cards.CardAction("tick", block.Verb, data);
    }
}
