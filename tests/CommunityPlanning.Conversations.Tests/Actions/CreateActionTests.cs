using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using static CommunityPlanning.Conversations.Tests.Actions.ActionHarness;
using CommunityPlanning.Domain.Forms;

namespace CommunityPlanning.Conversations.Tests.Actions;

public sealed class CreateActionTests
{
    [Fact]
    public async Task Action_MentionedMemberAndFriday_CreatesAndConfirms()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var card = (await h.SayAsync(Chair, "action Sam book the village hall for the open event by Friday", Sam)).Card();

        var action = Assert.Single(h.Actions);
        Assert.Equal(1, action.Id);
        Assert.Equal("book the village hall for the open event", action.Title);
        Assert.Equal(Sam, action.Owner);
        Assert.Equal(AssigneeKeys.For("msteams", "tenant-1", Sam.Id), action.OwnerKey);
        Assert.Equal(new DateOnly(2025, 3, 14), action.Due);
        Assert.Equal(4, action.Step);
        Assert.Equal(Chair, action.CreatedBy);
        Assert.Equal("Action 1: book the village hall for the open event", card.Title);
        Assert.Equal("Sam", card.Fact("Owner"));
        Assert.Equal("Fri 14 Mar 2025", card.Fact("Due"));
        Assert.StartsWith("4: ", card.Fact("Step"));
        Assert.Equal(["Change due date", "Reassign", "Mark done"], card.Actions.Select(a => a.Title));
        Assert.DoesNotContain(card.Actions, a => a.Style == ActionStyle.Positive && a.Title == "Mark done");
        Assert.All(card.Actions, a => Assert.Equal(h.GroupId, a.Data["g"]));
    }

    [Fact]
    public async Task Action_AtSignBeforeNameAndTo_StripsBoth()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action @Sam to book the hall by 14/3", Sam);
        Assert.Equal("book the hall", h.Action(1).Title);
    }

    [Fact]
    public async Task MentionFirst_ToSentence_MakesAnActionForThem()
    {
        var h = await new ActionHarness().WithPlanAsync();

        await h.SayAsync(Chair, "@Sam to ask the county council about the speed survey by 14/3", Sam);

        var action = h.Action(1);
        Assert.Equal("ask the county council about the speed survey", action.Title);
        Assert.Equal(Sam, action.Owner);
        Assert.Equal(new DateOnly(2025, 3, 14), action.Due);
    }

    [Fact]
    public async Task Ill_WithoutADate_AsksBeforeCreating()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        Assert.Equal("When is it due?", question.Title);
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task ActionColon_NoOwnerNoDate_CreatesUnassigned()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var card = (await h.SayAsync(Sam, "action: update the website")).Card();

        var action = h.Action(1);
        Assert.Equal("update the website", action.Title);
        Assert.Null(action.Owner);
        Assert.Null(action.Due);
        Assert.Equal("Nobody yet", card.Fact("Owner"));
        Assert.Equal("No due date", card.Fact("Due"));
    }

    [Fact]
    public async Task ILl_EndOfMonth_SenderOwnsIt()
    {
        var h = await new ActionHarness().WithPlanAsync();

        await h.SayAsync(Sam, "I'll draft the newsletter by end of month");

        var action = h.Action(1);
        Assert.Equal("draft the newsletter", action.Title);
        Assert.Equal(Sam, action.Owner);
        Assert.Equal(new DateOnly(2025, 3, 31), action.Due);
    }

    [Fact]
    public async Task Action_NamedStep_UsesThatStep()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action Sam write up the survey results for step 5 by Friday", Sam);
        Assert.Equal(5, h.Action(1).Step);
        Assert.Equal("write up the survey results", h.Action(1).Title);
    }

    [Fact]
    public async Task Action_NameWithoutMention_IsPartOfTheTitle()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action Sam book the hall by Friday");
        Assert.Null(h.Action(1).Owner);
        Assert.Equal("Sam book the hall", h.Action(1).Title);
    }

    [Fact]
    public async Task Action_ByTheNextMeeting_UsesTheMeetingDate()
    {
        var h = await new ActionHarness(nextMeeting: new DateTimeOffset(2025, 3, 20, 19, 0, 0, TimeSpan.Zero)).WithPlanAsync();
        await h.SayAsync(Chair, "action Sam bring the maps by the next meeting", Sam);
        Assert.Equal(new DateOnly(2025, 3, 20), h.Action(1).Due);
    }

    [Fact]
    public async Task Action_VagueDate_AsksAndCreatesNothingUntilAnswered()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Chair, "action Sam book the hall by someday", Sam)).Card();

        Assert.Equal("When is it due?", question.Title);
        Assert.Empty(h.Actions);
        Assert.Contains(question.Blocks, b => b is Cards.InputBlock { Input.Kind: FieldType.Date });

        var done = await h.PressAsync(Chair, question.Button("Save"), ("due", "2025-03-21"));

        Assert.Equal(ReplyMode.ReplaceSource, Assert.Single(done).Mode);
        var action = h.Action(1);
        Assert.Equal("book the hall", action.Title);
        Assert.Equal(new DateOnly(2025, 3, 21), action.Due);
        Assert.Equal(Sam, action.Owner);
    }

    [Fact]
    public async Task Action_NextMeetingWithNoneScheduled_AsksWithTheReason()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Chair, "action Sam bring the maps by the next meeting", Sam)).Card();

        Assert.Equal("When is it due?", question.Title);
        Assert.Empty(h.Actions);
        await h.PressAsync(Chair, question.Button("No due date"));
        Assert.Null(h.Action(1).Due);
    }

    [Fact]
    public async Task Action_DateInThePast_AsksThenKeepsWhenConfirmed()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Chair, "action Sam return the keys by 3/3/25", Sam)).Card();

        Assert.Equal("That date has passed", question.Title);
        Assert.Empty(h.Actions);
        await h.PressAsync(Chair, question.Button("Keep Mon 3 Mar 2025"));
        Assert.Equal(new DateOnly(2025, 3, 3), h.Action(1).Due);
    }

    [Fact]
    public async Task Action_OwnerNotAMember_AsksThenAddsThem()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Chair, "action Alex Smith print the posters by Friday", Alex)).Card();

        Assert.Equal("Is Alex Smith in the group?", question.Title);
        Assert.Empty(h.Actions);
        await h.PressAsync(Chair, question.Button("Add Alex Smith"));

        Assert.Equal(Alex, h.Action(1).Owner);
        Assert.Contains(h.Memory.All<MemberRecord>(h.GroupId), m => m.Member == Alex && m.Active);
    }

    [Fact]
    public async Task Action_OwnerNotAMember_PickAnotherMember()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Chair, "action Alex Smith print the posters by Friday", Alex)).Card();

        await h.PressAsync(Chair, question.Button("Give it to the member picked"), ("owner", Sam.Id));

        Assert.Equal(Sam, h.Action(1).Owner);
        Assert.DoesNotContain(h.Memory.All<MemberRecord>(h.GroupId), m => m.Member == Alex);
    }

    [Fact]
    public async Task Action_TwoQuestions_AskedOneAfterAnother()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var first = (await h.SayAsync(Chair, "action Alex Smith print the posters by 1/3/2025", Alex)).Card();
        Assert.Equal("That date has passed", first.Title);

        var second = (await h.PressAsync(Chair, first.Button("Use the new date"), ("due", "2025-03-28"))).Card();
        Assert.Equal("Is Alex Smith in the group?", second.Title);
        Assert.Empty(h.Actions);

        await h.PressAsync(Chair, second.Button("Add Alex Smith"));
        Assert.Equal(new DateOnly(2025, 3, 28), h.Action(1).Due);
    }

    [Fact]
    public async Task Confirm_PressedTwice_CreatesOneAction()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Chair, "action Sam book the hall by someday", Sam)).Card();

        await h.PressAsync(Chair, question.Button("No due date"));
        await h.PressAsync(Sam, question.Button("No due date"));

        Assert.Single(h.Actions);
    }

    [Fact]
    public async Task Cancel_CreatesNothing()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Chair, "action Sam book the hall by someday", Sam)).Card();

        var replies = await h.PressAsync(Chair, question.Button("Cancel"));

        Assert.Contains("haven't made", replies.Text());
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task Action_TwoPeopleAtOnce_GetDifferentNumbers()
    {
        var h = await new ActionHarness(wrap: inner => new OverlappingLoads(inner, 2)).WithPlanAsync();
        var memory = h.Memory;

        await Task.WhenAll(
            h.SayAsync(Chair, "action: update the website"),
            h.SayAsync(Sam, "action: order the leaflets"));

        var actions = memory.All<ActionItem>(h.GroupId).OrderBy(a => a.Id).ToList();
        Assert.Equal([1, 2], actions.Select(a => a.Id));
        Assert.Equal(2, memory.All<SequenceRecord>(h.GroupId).Single().Last);
    }

    [Fact]
    public async Task Action_NoPlan_SaysStartFirst()
    {
        var h = new ActionHarness();
        var text = (await h.SayAsync(Chair, "action: update the website")).Text();
        Assert.Contains("start", text);
    }

    [Fact]
    public async Task Action_TitleTooLong_AsksToShorten()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var text = (await h.SayAsync(Chair, "action: " + new string('x', 201))).Text();
        Assert.Contains("under 200", text);
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task Action_Empty_AsksWhatTheActionIs()
    {
        var h = await new ActionHarness().WithPlanAsync();
        Assert.Contains("What's the action", (await h.SayAsync(Chair, "action")).Text());
    }
}
