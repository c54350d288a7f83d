using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.State;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

/// <summary>The step-5 action plan, step-8 progress and chat actions are one list of actions.</summary>
public sealed class OneActionPlanTests
{
    private static async Task<ScriptedConversation> GroupAsync()
    {
        var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role @Ann chair", Ann);
        await chat.Send(Ann, "role @Bob member", Bob);
        await chat.Send(Cat, "help");
        return chat;
    }

    [Fact]
    public async Task ChatAction_LinkedToThePlanLater_IsInTheActionPlanAndItsCounts()
    {
        using var chat = await GroupAsync();
        (await chat.Send(Bob, "action @Bob book the village hall by Friday", Bob)).AssertReply("Action 1: book the village hall");

        (await chat.Send(Bob, "action 1 plan issue No place for young people to meet"))
            .AssertReply("Action 1's issue in the plan is now “No place for young people to meet”");
        (await chat.Send(Bob, "action 1 priority high")).AssertReply("Action 1's priority in the plan is now high");
        (await chat.Send(Bob, "action 1 lead type partnership")).AssertReply("lead type in the plan is now partnership with the council");
        (await chat.Send(Ann, "action 1 partners the county council")).AssertReply("partners in the plan is now “the county council”");
        (await chat.Send(Bob, "action 1 cost £1,250")).AssertReply("Action 1's cost in the plan is now £1,250");
        (await chat.Send(Bob, "action 1 funding parish precept")).AssertReply("funding in the plan is now “parish precept”");
        (await chat.Send(Bob, "action 1 priority high")).AssertReply("Action 1's priority is already high");

        var details = (await chat.Send(Cat, "action 1")).Card;
        Assert.Equal("High", details.Fact("Priority"));
        Assert.Equal("£1,250", details.Fact("Cost"));
        Assert.Equal("Partnership with the council or an agency", details.Fact("Lead type"));

        await chat.Send(Ann, "step 5");
        (await chat.Press(Ann, "Action plan"))
            .AssertReply("1 action")
            .AssertReply("book the village hall")
            .AssertReply("Actions still to do: 1");
        var action = (await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!;
        Assert.Equal(new ActionPlanFields { Issue = "No place for young people to meet", Priority = "high", LeadType = "partnership", Partners = "the county council", Cost = 1250m, Funding = "parish precept" }, action.Plan);
        Assert.Contains(action.History, h => h.Change == "plan: priority none → high");
    }

    [Fact]
    public async Task PlanVerbs_BadValuesAndOtherPeoplesActions_AreRefusedKindly()
    {
        using var chat = await GroupAsync();
        await chat.Send(Bob, "action @Bob book the village hall by Friday", Bob);

        (await chat.Send(Bob, "action 1 priority urgent")).AssertReply("You can pick: high, medium, low").AssertReply("Try \"action 1 priority high\"");
        (await chat.Send(Bob, "action 1 cost lots")).AssertReply("Try \"action 1 cost 250\"");
        (await chat.Send(Bob, "action 1 issue")).AssertReply("What should the issue be?");
        (await chat.Send(Cat, "action 1 funding a grant")).AssertReply("only they, Bob who added it, or the chair");
        (await chat.Send(Cat, "action 9 priority high")).AssertReply("I can't find action 9");
        (await chat.Send(Bob, "action 1 lead type none")).AssertReply("is already empty");

        Assert.Null((await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!.Plan);
    }

    [Fact]
    public async Task ActionPlanForm_EachRowIsAnAction_AMemberLeadOwnsIt()
    {
        using var chat = await GroupAsync();

        (await chat.AddRow(Ann, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"), ("lead", "bob"), ("target", "2025-06-30"), ("priority", "high")))
            .AssertReply("Saved by Ann")
            .AssertReply("Action 1: Community speed watch");
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Start a youth club"), ("type", "partnership"), ("lead", "Priya from the youth trust"));

        var state = await chat.Stored();
        var speedWatch = state.Find<ActionItem>(ActionItem.KeyFor(1))!;
        Assert.Equal((Bob, new DateOnly(2025, 6, 30), "high"), (speedWatch.Owner, speedWatch.Due, speedWatch.Plan!.Priority));
        Assert.NotNull(speedWatch.OwnerKey);
        var youthClub = state.Find<ActionItem>(ActionItem.KeyFor(2))!;
        Assert.Null(youthClub.Owner);
        Assert.Equal("Priya from the youth trust", youthClub.Plan!.Lead);
        Assert.DoesNotContain(state.OfType<FormRow>(), r => r.FormId == "actions");

        // The same actions in the chat: the owner's list, and typed changes.
        (await chat.Send(Bob, "actions")).AssertReply("Action 1: Community speed watch").AssertReply("Action 2: Start a youth club");
        (await chat.Send(Bob, "done 1")).AssertReply("Done: action 1");
        await chat.Send(Ann, "step 5");
        (await chat.Press(Ann, "Action plan")).AssertReply("Completed").AssertReply("Actions still to do: 1");
    }

    [Fact]
    public async Task ActionPlanForm_EditByTheOwnerSaves_EditBySomeoneElseIsRefused()
    {
        using var chat = await GroupAsync();
        await chat.AddRow(Bob, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"), ("lead", "Bob"));

        await chat.Send(Cat, "step 5");
        await chat.Press(Cat, "Action plan");
        (await chat.Press(Cat, "Edit", Inputs.Of(("row", "1")))).AssertReply("Action plan: edit").AssertReply("Community speed watch");
        var refused = await chat.Press(Cat, "Save", Inputs.Of(("action", "Community speed watch"), ("type", "community"), ("lead", "Bob"), ("priority", "low")));
        Assert.Contains("only they", refused.ErrorBeside("action"));
        Assert.Null((await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!.Plan!.Priority);

        await chat.Send(Bob, "step 5");
        await chat.Press(Bob, "Action plan");
        await chat.Press(Bob, "Edit", Inputs.Of(("row", "1")));
        (await chat.Press(Bob, "Save", Inputs.Of(("action", "Community speed watch"), ("type", "community"), ("lead", "Bob"), ("priority", "low"), ("target", "2025-07-01"))))
            .AssertReply("Saved by Bob");
        var action = (await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!;
        Assert.Equal(("low", new DateOnly(2025, 7, 1)), (action.Plan!.Priority, action.Due));
        Assert.Contains(action.History, h => h.By == Bob && h.Change.StartsWith("due date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgressForm_UpdatesTheAction_AndChatChangesShowInIt()
    {
        using var chat = await GroupAsync();
        await chat.Send(Bob, "action @Bob book the village hall by Friday", Bob);

        (await chat.AddRow(Bob, 8, "Progress updates", ("action", "1"), ("status", "in-progress"), ("rag", "red"), ("percent", "30"), ("note", "Hall booked for the wrong day")))
            .AssertReply("Saved by Bob")
            .AssertReply("Actions still to do: 1");
        var action = (await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!;
        Assert.Equal((ActionStatus.InProgress, RagRating.Red, 30), (action.Status, action.Rag, action.PercentComplete));
        Assert.Equal("Hall booked for the wrong day", Assert.Single(action.Notes).Text);

        // A typed RAG rating is the same record the progress form shows.
        (await chat.Send(Cat, "action 1 rag amber")).AssertReply("Action 1 is rated amber");
        await chat.Send(Ann, "step 8");
        var list = await chat.Press(Ann, "Progress updates");
        list.AssertReply("In progress").AssertReply("Amber").AssertNoReply("Remove");

        // Someone who doesn't own it may report RAG and notes, but not change its status.
        await chat.Press(Cat, "Add");
        var refused = await chat.Press(Cat, "Save", Inputs.Of(("action", "1"), ("status", "completed")));
        Assert.Contains("only they", refused.ErrorBeside("status"));
        Assert.Equal(ActionStatus.InProgress, (await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!.Status);
    }

    [Fact]
    public async Task ProgressForm_SameSavePressedTwice_AddsTheNoteOnce()
    {
        using var chat = await GroupAsync();
        await chat.Send(Bob, "action @Bob book the village hall by Friday", Bob);
        await chat.Send(Bob, "step 8");
        await chat.Press(Bob, "Progress updates");
        var rowCard = (await chat.Press(Bob, "Add")).Card;

        var inputs = Inputs.Of(("action", "1"), ("status", "in-progress"), ("percent", "30"), ("note", "Rang the hall"));
        (await chat.Press(Bob, Replies.Button(rowCard, "Save"), inputs)).AssertReply("Saved by Bob");
        await chat.Press(Bob, Replies.Button(rowCard, "Save"), inputs);

        Assert.Equal("Rang the hall", Assert.Single((await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!.Notes).Text);

        // A new update with the same words is a new note.
        var next = (await chat.Press(Bob, "Add")).Card;
        await chat.Press(Bob, Replies.Button(next, "Save"), inputs);
        Assert.Equal(2, (await chat.Stored()).Find<ActionItem>(ActionItem.KeyFor(1))!.Notes.Count);
    }

    [Fact]
    public async Task ActionPlanForm_Remove_DeletesTheAction()
    {
        using var chat = await GroupAsync();
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"));

        (await chat.Press(Ann, "Remove", Inputs.Of(("row", "1")))).AssertReply("Removed by Ann: action 1");

        Assert.Empty((await chat.Stored()).Actions());
    }
}
