using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Meetings.MeetingScript;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Meetings;

public sealed class MeetingConversationTests
{
    [Fact]
    public async Task MeetingStart_PostsOneSharedCardWithAttendanceAgendaAndChecklist()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        var replies = await chat.Send(Ann, "meeting start");

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyMode.New, reply.Mode);
        var card = reply.Card!;
        Assert.True(card.Shared);
        Assert.Equal("Little Wittering steering group meeting", card.Title);
        Assert.Contains("Here (1): Ann", Facts(card), StringComparison.Ordinal);
        Assert.Contains("Started: Wed 12 Mar 2025 at 10:00am by Ann", Facts(card), StringComparison.Ordinal);
        Assert.Contains("Quorum: None set yet", Facts(card), StringComparison.Ordinal);
        replies.AssertReply("Agenda").AssertReply("Step 1: 7 checklist items still open");
        var checklist = card.Blocks.OfType<ChecklistBlock>().Single();
        Assert.Equal(MeetingVerbs.Tick, checklist.Verb);
        Assert.Equal(["I'm here", "Record apologies", "Refresh", "End meeting"], card.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task MeetingStart_AlreadyOpen_ShowsTheOpenMeeting()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        var first = await chat.OpenMeeting();

        (await chat.Send(Bob, "start the meeting")).AssertReply("A meeting is already open \u2014 here it is").AssertReply("steering group meeting");
        Assert.Equal(first, await chat.OpenMeeting());
    }

    [Fact]
    public async Task MeetingStart_TwoAtOnce_OnlyOneMeetingOpens()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        Replies? bobs = null;
        chat.Memory.BeforeNextSave = () => bobs = chat.Send(Bob, "meeting start").GetAwaiter().GetResult();

        var anns = await chat.Send(Ann, "meeting start");

        bobs!.AssertReply("Meeting started");
        anns.AssertReply("A meeting is already open");
        var state = await chat.Stored();
        Assert.Single(state.OfType<MeetingRecord>());
    }

    [Fact]
    public async Task MeetingStart_NoPlan_SaysStartFirst()
    {
        using var chat = new ScriptedConversation();
        (await chat.Send(Ann, "meeting start")).AssertReply("hasn't started its plan");
        Assert.Null((await chat.Stored()).OpenMeeting());
    }

    [Fact]
    public async Task ImHere_FromTheCard_ReplacesTheCardWithTheArrival()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);

        var replies = await chat.Press(Bob, Button(card, "I'm here"));

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyMode.ReplaceSource, reply.Mode);
        Assert.Contains("Here (2): Ann, Bob", Facts(reply.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_FromTheCard_StoresTheTickAndReplacesTheCard()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);

        var replies = await chat.Press(Cat, Tick(card, "contact-adviser"));

        Assert.Equal(ReplyMode.ReplaceSource, Assert.Single(replies).Mode);
        replies.AssertReply("[x] Contact your county's").AssertReply("6 checklist items still open");
        Assert.Equal("Ticked by Cat, Wed 12 Mar 2025", replies.Card.Blocks.OfType<ChecklistBlock>().Single().Items.Single(i => i.Id == "contact-adviser").Detail);
        var tick = (await chat.Stored()).Find<ChecklistTick>(ChecklistTick.KeyFor(1, "contact-adviser"));
        Assert.True(tick!.Done);
    }

    [Fact]
    public async Task ArrivalsTicksAndDecisions_AtTheSameMoment_AllKeptWithoutRetry()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);
        var loads = chat.Memory.Loads;

        // Bob's and Cat's turns are saved while Ann's turn is between its read and its write.
        chat.Memory.BeforeNextSave = () =>
        {
            chat.Press(Bob, Button(card, "I'm here")).GetAwaiter().GetResult();
            chat.Send(Cat, "decision buy a banner").GetAwaiter().GetResult();
        };
        await chat.Press(Ann, Tick(card, "launch-event"));

        // One read per turn: Ann's save did not meet a conflict, because each change is its own row.
        Assert.Equal(3, chat.Memory.Loads - loads);
        var state = await chat.Stored();
        Assert.True(state.Find<ChecklistTick>(ChecklistTick.KeyFor(1, "launch-event"))!.Done);
        Assert.Equal(2, state.OfType<AttendanceRecord>().Count());
        Assert.Single(state.OfType<DecisionRecord>());
    }

    [Fact]
    public async Task Tick_StaleCardUntickedState_DoesNotUndoAnotherTick()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);
        await chat.Press(Bob, Tick(card, "contact-adviser"));

        // Cat's card is the old one, showing the item unticked: pressing it asks for "ticked", which it already is.
        var replies = await chat.Press(Cat, Tick(card, "contact-adviser"));
        Assert.StartsWith("Ticked by Bob", replies.Card.Blocks.OfType<ChecklistBlock>().Single().Items.Single(i => i.Id == "contact-adviser").Detail, StringComparison.Ordinal);
        Assert.Equal(Bob, (await chat.Stored()).Find<ChecklistTick>(ChecklistTick.KeyFor(1, "contact-adviser"))!.By);
    }

    [Fact]
    public async Task Decision_Typed_IsRecordedAndTheCardIsPostedAgain()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);

        var replies = await chat.Send(Bob, "decision: hold the launch event on 12 April");

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyMode.New, reply.Mode);
        Assert.Equal("Decision recorded: \u201Chold the launch event on 12 April\u201D", reply.Text);
        replies.AssertReply("Decisions (1)").AssertReply("hold the launch event on 12 April (Bob)");
        var decision = Assert.Single((await chat.Stored()).OfType<DecisionRecord>());
        Assert.Equal(Bob, decision.By);
    }

    [Fact]
    public async Task Decision_NoMeetingOpen_IsRefused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, "decision buy a banner")).AssertReply("No meeting is open");
        Assert.Empty((await chat.Stored()).OfType<DecisionRecord>());
    }

    [Fact]
    public async Task Decision_TooLong_IsRefusedWithTheLimit()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        (await chat.Send(Ann, "decision " + new string('x', 501))).AssertReply("please keep it under 500");
    }

    [Fact]
    public async Task Note_IsKeptForTheMinutes()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        (await chat.Send(Cat, "note the hall is free until 9pm")).AssertReply("Note added").AssertReply("1 note taken");
        Assert.Equal("the hall is free until 9pm", Assert.Single((await chat.Stored()).OfType<MeetingNoteRecord>()).Text);
    }

    [Fact]
    public async Task Apologies_ChairForMember_Recorded()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");
        await chat.StartMeeting(Ann);

        (await chat.Send(Ann, "apologies Bob", Bob)).AssertReply("Apologies recorded for Bob").AssertReply("Apologies: Bob");
    }

    [Fact]
    public async Task Apologies_MemberForSomeoneElse_IsRefused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.StartMeeting(Ann);
        (await chat.Send(Bob, "apologies Cat", Cat)).AssertReply("Only the chair or secretary can send apologies for Cat");
    }

    [Fact]
    public async Task Apologies_FromTheCardForm_ReplacesTheCard()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Cat, "hello");
        var card = await chat.StartMeeting(Ann);

        var form = await chat.Press(Ann, Button(card, "Record apologies"));
        Assert.Equal(ReplyMode.Private, Assert.Single(form).Mode);
        var saved = await chat.Press(Ann, "Save apologies", Inputs.Of((MeetingVerbs.MemberInput, Cat.Id)));

        Assert.Equal(ReplyMode.ReplaceSource, Assert.Single(saved).Mode);
        Assert.Contains("Apologies: Cat", Facts(saved.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quorum_FromStepTwoForm_ShownAsMetOrNot()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var state = await chat.Stored();
        state.Put(new FormRow(2, "governance", FormRow.SingleRowId, new Dictionary<string, string> { ["quorum"] = "2" }, Ann, chat.Clock.GetUtcNow()));
        await chat.Store.SaveAsync(state, null);

        var card = await chat.StartMeeting(Ann);
        Assert.Contains("Quorum: Not met: 1 here, 2 needed", Facts(card), StringComparison.Ordinal);
        var after = await chat.Press(Bob, Button(card, "I'm here"));
        Assert.Contains("Quorum: Met: 2 here, 2 needed", Facts(after.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgendaAdd_BeforeTheMeeting_IsOnItsCardAndCoveredByItsMinutes()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Bob, "agenda add the summer fete stall")).AssertReply("Added to the agenda for the next meeting");
        (await chat.Send(Bob, "agenda")).AssertReply("1. the summer fete stall (added by Bob)");

        var card = await chat.StartMeeting(Ann);
        Assert.Contains(card.Blocks.OfType<TextBlock>(), b => b.Text.Contains("1. the summer fete stall", StringComparison.Ordinal));
        (await chat.Send(Ann, "meeting end")).AssertReply("Agenda items added").AssertReply("the summer fete stall");

        Assert.Empty((await chat.Stored()).PendingAgenda());
        (await chat.Send(Bob, "agenda")).AssertReply("Nothing added yet");
    }

    [Fact]
    public async Task Agenda_ActionsDueBeforeTheMeeting_ListedAndNewOnesUnderActionsAgreed()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");
        await chat.Send(Ann, "action @Bob book the hall by tomorrow", Bob);
        chat.Clock.Advance(TimeSpan.FromMinutes(1));
        await chat.StartMeeting(Ann);

        var replies = await chat.Send(Ann, "action @Bob print flyers by Friday", Bob);
        replies = await chat.Send(Ann, "meeting");

        replies.AssertReply("Actions due or overdue:").AssertReply("1. book the hall (Bob, due Thu 13 Mar 2025)")
            .AssertReply("Actions agreed (1)").AssertReply("2. print flyers (Bob, due Fri 14 Mar 2025)");
        Assert.DoesNotContain("• 2. print flyers", replies.Card.Blocks.OfType<TextBlock>().First(b => b.Text.Contains("Actions due", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextMeeting_Set_FeedsByTheNextMeetingForActions()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");

        (await chat.Send(Ann, "next meeting Tue 18 March 7pm")).AssertReply("Next meeting: Tue 18 Mar 2025 at 7:00pm");
        (await chat.Send(Ann, "next meeting")).AssertReply("The next meeting is Tue 18 Mar 2025 at 7:00pm");
        await chat.Send(Ann, "action @Bob bring the maps by the next meeting", Bob);

        var action = Assert.Single((await chat.Stored()).Actions());
        Assert.Equal(new DateOnly(2025, 3, 18), action.Due);
    }

    [Fact]
    public async Task NextMeeting_Unreadable_ExplainsWithAnExample()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, "next meeting Tuesday")).AssertReply("What time does it start?").AssertReply("next meeting Tue 14 March 7pm");
        (await chat.Send(Ann, "next meeting yesterday 7pm")).AssertReply("has already passed");
        Assert.Null((await chat.Stored()).Find<MeetingSchedule>(MeetingSchedule.Kind));
        await chat.Send(Ann, "next meeting friday 7pm");
        (await chat.Send(Ann, "next meeting none")).AssertReply("no next meeting is set");
        Assert.Null((await chat.Stored()).Find<MeetingSchedule>(MeetingSchedule.Kind));
    }

    [Fact]
    public async Task MeetingEnd_PostsAndStoresMinutesWithEverything()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");
        await chat.Send(Cat, "hello");
        var before = await chat.Send(Ann, "checklist");
        await chat.Press(Ann, Tick(before.Card, "invite-councillors"));
        chat.Clock.Advance(TimeSpan.FromDays(2));

        var card = await chat.StartMeeting(Ann);
        await chat.Press(Bob, Button(card, "I'm here"));
        await chat.Send(Ann, "apologies Cat", Cat);
        await chat.Press(Bob, Tick(card, "contact-adviser"));
        await chat.Send(Bob, "decision hold the launch on 12 April");
        await chat.Send(Ann, "action @Bob book the village hall by Friday", Bob);
        await chat.Send(Cat, "note hall free until 9pm");
        await chat.Send(Ann, "next meeting Thu 10 April 7pm");
        chat.Clock.Advance(TimeSpan.FromMinutes(90));

        var replies = await chat.Send(Ann, "meeting end");

        var reply = Assert.Single(replies);
        Assert.Equal("Meeting ended by Ann. Here are the minutes.", reply.Text);
        Assert.Equal("Minutes: Little Wittering steering group", reply.Card!.Title);
        Assert.Equal("Fri 14 Mar 2025 at 10:00am to 11:30am", reply.Card.Subtitle);
        replies.AssertReply("Present: Ann, Bob").AssertReply("Apologies: Cat")
            .AssertReply("Step 1: Contact your county's").AssertNoReply("Invite local councillors")
            .AssertReply("hold the launch on 12 April (Bob)")
            .AssertReply("book the village hall (Bob, due Fri 14 Mar 2025)")
            .AssertReply("hall free until 9pm (Cat)")
            .AssertReply("Next meeting: Thu 10 Apr 2025 at 7:00pm");

        var state = await chat.Stored();
        Assert.Null(state.OpenMeeting());
        var meeting = Assert.Single(state.OfType<MeetingRecord>());
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.Equal(Ann, meeting.ClosedBy);
        var minutes = Assert.Single(state.OfType<MinutesRecord>());
        Assert.Contains("## Decisions", minutes.Markdown, StringComparison.Ordinal);
        Assert.Equal(meeting.Id, Assert.Single(state.Actions()).MeetingId);
    }

    [Fact]
    public async Task EndMeeting_FromTheCard_AsksThenClosesTheCardAndPostsMinutes()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);

        var question = await chat.Press(Ann, Button(card, "End meeting"));
        Assert.Equal(ReplyMode.Private, Assert.Single(question).Mode);
        var replies = await chat.Press(Ann, "End and write the minutes");

        Assert.Equal(2, replies.Count);
        Assert.Equal(ReplyMode.ReplaceSource, replies[0].Mode);
        Assert.Equal("Meeting ended", replies[0].Card!.Subtitle);
        Assert.Equal("Minutes", Assert.Single(replies[0].Card!.Actions).Title);
        Assert.Equal(ReplyMode.New, replies[1].Mode);
        Assert.StartsWith("Minutes", replies[1].Card!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldCard_AfterTheMeetingEnded_ChangesNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);
        await chat.Send(Ann, "meeting end");

        var reply = Assert.Single(await chat.Press(Bob, Button(card, "I'm here")));
        Assert.Equal(ReplyMode.Private, reply.Mode);
        Assert.Contains("That meeting has ended", reply.Text, StringComparison.Ordinal);
        Assert.Single((await chat.Stored()).OfType<AttendanceRecord>());
    }

    [Fact]
    public async Task Minutes_ShowsTheLastAndTheListNewestFirst()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, "minutes")).AssertReply("There are no minutes yet");
        await chat.StartMeeting(Ann);
        await chat.Send(Ann, "decision first meeting decision");
        await chat.Send(Ann, "meeting end");
        chat.Clock.Advance(TimeSpan.FromDays(28));
        await chat.StartMeeting(Ann);
        await chat.Send(Ann, "decision second meeting decision");
        await chat.Send(Ann, "meeting end");

        (await chat.Send(Bob, "minutes")).AssertReply("second meeting decision").AssertNoReply("first meeting decision");
        var list = await chat.Send(Bob, "minutes list");
        list.AssertReply("1. Wed 9 Apr 2025 at 11:00am").AssertReply("2. Wed 12 Mar 2025 at 10:00am");
        (await chat.Press(Bob, Button(list.Card, "Show Wed 12 Mar 2025"))).AssertReply("first meeting decision");
        (await chat.Send(Bob, "minutes 2")).AssertReply("first meeting decision");
        (await chat.Send(Bob, "minutes 7")).AssertReply("There are minutes for 2 meetings");
    }

    [Fact]
    public async Task MeetingEvents_StartAndEnd_OpenAndCloseTheMeeting()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Run(new Turn { Kind = TurnKind.MeetingStarted, Conversation = chat.Key, From = Ann })).AssertReply("The meeting has started");
        Assert.NotNull((await chat.Stored()).OpenMeeting());
        Assert.Empty(await chat.Run(new Turn { Kind = TurnKind.MeetingStarted, Conversation = chat.Key, From = Ann }));
        (await chat.Run(new Turn { Kind = TurnKind.MeetingEnded, Conversation = chat.Key, From = Ann })).AssertReply("The Teams meeting has ended").AssertReply("Minutes");
        Assert.Null((await chat.Stored()).OpenMeeting());
        Assert.Empty(await chat.Run(new Turn { Kind = TurnKind.MeetingEnded, Conversation = chat.Key, From = Ann }));
    }

    [Fact]
    public async Task Help_ListsTheMeetingCommands()
    {
        using var chat = new ScriptedConversation();
        (await chat.Send(Ann, "help"))
            .AssertReply("meeting start").AssertReply("meeting end").AssertReply("decision …").AssertReply("note …")
            .AssertReply("agenda add …").AssertReply("next meeting Tue 14 March 7pm").AssertReply("minutes list");
    }
}
