using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Conversations.Tests.Meetings;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Security;

/// <summary>Who may do what: officers run the group, owners and creators change their own actions.</summary>
public sealed class RoleRuleTests
{
    private static readonly MemberRef Alex = ActionHarness.Alex;

    [Fact]
    public async Task DoneButton_SomeoneElsesAction_RefusedPrivatelyAndUnchanged()
    {
        var h = await WithAlexAsync();
        var card = (await h.SayAsync(ActionHarness.Chair, "action @Sam book the hall by Friday", ActionHarness.Sam)).Card();

        var reply = Assert.Single(await h.PressAsync(Alex, card.Button("Mark done")));

        Assert.Equal(ReplyMode.Private, reply.Mode);
        Assert.Contains("only they, Pat Chair who added it, or the chair, vice-chair, secretary or treasurer can change it", reply.Text, StringComparison.Ordinal);
        Assert.True(h.Action(1).IsOpen);
    }

    [Fact]
    public async Task TypedDoneAndReassign_SomeoneElsesAction_Refused()
    {
        var h = await WithAlexAsync();
        await h.SayAsync(ActionHarness.Chair, "action @Sam book the hall by Friday", ActionHarness.Sam);

        Assert.Contains("can change it", (await h.SayAsync(Alex, "done 1")).Text(), StringComparison.Ordinal);
        Assert.Contains("can change it", (await h.SayAsync(Alex, "action 1 to me")).Text(), StringComparison.Ordinal);
        Assert.Contains("can change it", (await h.SayAsync(Alex, "action 1 due next Friday")).Text(), StringComparison.Ordinal);

        var action = h.Action(1);
        Assert.True(action.IsOpen);
        Assert.Equal(ActionHarness.Sam, action.Owner);
        Assert.Equal(new DateOnly(2025, 3, 14), action.Due);
    }

    [Fact]
    public async Task Note_SomeoneElsesAction_AnyoneMayAdd()
    {
        var h = await WithAlexAsync();
        await h.SayAsync(ActionHarness.Chair, "action @Sam book the hall by Friday", ActionHarness.Sam);

        Assert.StartsWith("Noted on action 1", (await h.SayAsync(Alex, "action 1 note the hall is free")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_OwnerCreatorOfficerOrUnowned_Allowed()
    {
        var h = await WithAlexAsync();
        await h.SayAsync(ActionHarness.Chair, "action @Sam book the hall by Friday", ActionHarness.Sam);
        await h.SayAsync(Alex, "action @Sam print posters by Friday", ActionHarness.Sam);
        await h.SayAsync(Alex, "action @Sam order tea by Friday", ActionHarness.Sam);
        await h.SayAsync(ActionHarness.Sam, "action: sweep the hall");

        await h.SayAsync(ActionHarness.Sam, "done 1");
        await h.SayAsync(Alex, "done 2");
        await h.SayAsync(ActionHarness.Chair, "done 3");
        await h.SayAsync(Alex, "done 4");

        Assert.All(h.Actions, a => Assert.Equal(ActionStatus.Completed, a.Status));
    }

    [Fact]
    public async Task Role_MemberClaimsChairWhileOneExists_Refused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Bob, "I am the chair")).AssertReply("can set roles. Ask Ann (Chair)");
        Assert.Single((await chat.Stored()).OfType<MemberRecord>(), m => m.Role == MemberRole.Chair);
    }

    [Fact]
    public async Task Role_ViceChairAppointsNewChair_OldChairDemoted()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role @Bob vice chair", Bob);

        (await chat.Send(Bob, "role @Cat chair", Cat)).AssertReply("Cat is now Chair").AssertReply("Ann is no longer chair");

        var chairs = (await chat.Stored()).OfType<MemberRecord>().Where(m => m.Role == MemberRole.Chair).ToList();
        Assert.Equal(Cat, Assert.Single(chairs).Member);
    }

    [Fact]
    public async Task Role_ChairLeftAndNoOfficerRemains_AnyoneMayTakeTheChairAndTheOldOneIsDemoted()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Bob, "hello");
        await chat.Run(new Turn { Kind = TurnKind.MembersRemoved, Conversation = chat.Key, From = Ann, MembersChanged = [Ann] });

        (await chat.Send(Bob, "I am the chair")).AssertReply("Bob is now Chair");

        var state = await chat.Stored();
        Assert.Equal(Bob, Assert.Single(state.OfType<MemberRecord>(), m => m.Role == MemberRole.Chair).Member);
        Assert.Equal(MemberRole.Member, state.Find<MemberRecord>(MemberRecord.KeyFor(Ann.Id))!.Role);
    }

    [Fact]
    public async Task Role_ChairLeftButASecretaryRemains_OnlyTheSecretaryMayAppoint()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role @Bob secretary", Bob);
        await chat.Send(Cat, "hello");
        await chat.Run(new Turn { Kind = TurnKind.MembersRemoved, Conversation = chat.Key, From = Ann, MembersChanged = [Ann] });

        (await chat.Send(Cat, "I am the chair")).AssertReply("can set roles. Ask Bob (Secretary)");
        (await chat.Send(Bob, "role @Cat chair", Cat)).AssertReply("Cat is now Chair");
    }

    [Fact]
    public async Task MeetingEnd_OrdinaryMember_RefusedTypedAndOnTheCard()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var card = await chat.StartMeeting(Ann);

        (await chat.Send(Bob, "meeting end")).AssertReply("can end the meeting");
        var pressed = await chat.Press(Bob, MeetingScript.Button(card, "End meeting"));
        Assert.Equal(ReplyMode.Private, Assert.Single(pressed).Mode);
        pressed.AssertReply("can end the meeting");

        Assert.NotNull((await chat.Stored()).OpenMeeting());
        (await chat.Send(Ann, "meeting end")).AssertReply("Meeting ended by Ann");
    }

    [Fact]
    public async Task MeetingEnd_GroupWithNoOfficers_AnyoneMay()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "role me member");
        await chat.StartMeeting(Bob);

        (await chat.Send(Cat, "meeting end")).AssertReply("Meeting ended by Cat");
    }

    private static async Task<ActionHarness> WithAlexAsync()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Alex, "hello");
        return h;
    }
}
