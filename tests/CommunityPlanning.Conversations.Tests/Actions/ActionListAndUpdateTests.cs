using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Plans;
using static CommunityPlanning.Conversations.Tests.Actions.ActionHarness;

namespace CommunityPlanning.Conversations.Tests.Actions;

public sealed class ActionListAndUpdateTests
{
    private static async Task<ActionHarness> WithActionsAsync()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action Sam book the village hall by Friday", Sam);          // 1, Fri 14 Mar
        await h.SayAsync(Chair, "action: update the website");                                // 2, undated
        await h.SayAsync(Chair, "action Sam ring the highways team by 11/3", Sam);           // 3, Tue 11 Mar
        await h.SayAsync(Chair, "I'll order the leaflets by 12/3");                           // 4, Wed 12 Mar
        return h;
    }

    [Fact]
    public async Task Actions_GroupedByOwner_OverdueFirstWithCount()
    {
        var h = await WithActionsAsync();
        h.Clock.Now = Start.AddDays(3); // Thu 13 Mar: 3 and 4 are overdue.

        var card = (await h.SayAsync(Sam, "actions")).Card();

        Assert.Equal("4 actions · 2 overdue", card.Subtitle);
        var headings = card.Blocks.OfType<TextBlock>().Where(b => b.Tone == TextTone.Heading).Select(b => b.Text).ToList();
        Assert.Equal(["Pat Chair", "Sam", "Not assigned yet"], headings);
        var samFacts = card.Blocks.OfType<FactsBlock>().ElementAt(1).Facts;
        Assert.Equal(["Action 3: ring the highways team", "Action 1: book the village hall"], samFacts.Select(f => f.Label));
        Assert.Equal("Tue 11 Mar 2025 (overdue)", samFacts[0].Value);
    }

    [Fact]
    public async Task Done_ByNumber_CompletesAndLeavesTheList()
    {
        var h = await WithActionsAsync();

        var text = (await h.SayAsync(Sam, "done 1")).Text();

        Assert.Contains("Done: action 1", text);
        Assert.Equal(ActionStatus.Completed, h.Action(1).Status);
        Assert.DoesNotContain("Action 1: book the village hall", (await h.SayAsync(Sam, "actions")).Card().AllText());
    }

    [Fact]
    public async Task MarkDoneButton_UpdatesTheCardInPlace()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var card = (await h.SayAsync(Chair, "action Sam book the hall by Friday", Sam)).Card();

        var replies = await h.PressAsync(Sam, card.Button("Mark done"));

        Assert.Equal(Turns.ReplyMode.ReplaceSource, Assert.Single(replies).Mode);
        Assert.Equal("Completed", replies.Card().Fact("Status"));
        Assert.Equal(ActionStatus.Completed, h.Action(1).Status);
        Assert.Equal(Sam, h.Action(1).History[^1].By);
    }

    [Fact]
    public async Task Reassign_ByMention_ChangesOwnerAndHistory()
    {
        var h = await WithActionsAsync();
        await h.SayAsync(Alex, "hello"); // Alex is now a member.

        var replies = await h.SayAsync(Chair, "action 1 to @Alex Smith", Alex);
        var text = replies.Text();

        Assert.Contains("now Alex Smith's (it was Sam's)", text);
        var reply = Assert.Single(replies, r => r.Text is not null);
        Assert.True(reply.NamesOnly); // Slack shows the owners as <@U…>, Teams as names
        Assert.Equal([Alex, Sam], reply.Mentions);
        Assert.Equal(Alex, h.Action(1).Owner);
        Assert.Equal(AssigneeKeys.For("msteams", "tenant-1", Alex.Id), h.Action(1).OwnerKey);
        Assert.Equal("owner Sam → Alex Smith", h.Action(1).History[^1].Change);
    }

    [Fact]
    public async Task Reassign_NonMember_AsksFirst()
    {
        var h = await WithActionsAsync();

        var card = (await h.SayAsync(Chair, "action 1 to @Alex Smith", Alex)).Card();

        Assert.Equal(Sam, h.Action(1).Owner);
        await h.PressAsync(Chair, card.Button("Add Alex Smith"));
        Assert.Equal(Alex, h.Action(1).Owner);
    }

    [Fact]
    public async Task Reassign_WithoutMention_AsksForOne()
    {
        var h = await WithActionsAsync();
        Assert.Contains("@mention", (await h.SayAsync(Chair, "action 1 to Alex")).Text());
        Assert.Equal(Sam, h.Action(1).Owner);
    }

    [Fact]
    public async Task ReassignButton_FormThenSave_GivesItToTheMember()
    {
        var h = await WithActionsAsync();
        var card = (await h.SayAsync(Chair, "action 1")).Card();

        var form = (await h.PressAsync(Chair, card.Button("Reassign"))).Card();
        Assert.Equal(Turns.ReplyMode.Private, (await h.PressAsync(Chair, card.Button("Reassign")))[0].Mode);
        var choice = Assert.Single(form.Blocks.OfType<InputBlock>()).Input;
        Assert.Contains(choice.Choices, c => c.Value == Chair.Id);

        await h.PressAsync(Chair, form.Button("Save"), ("owner", Chair.Id));

        Assert.Equal(Chair, h.Action(1).Owner);
    }

    [Fact]
    public async Task ChangeDueDateButton_FormThenSave_RecordsHistory()
    {
        var h = await WithActionsAsync();
        var card = (await h.SayAsync(Chair, "action 1")).Card();
        var form = (await h.PressAsync(Chair, card.Button("Change due date"))).Card();

        var updated = (await h.PressAsync(Chair, form.Button("Save"), ("due", "2025-03-21"))).Card();

        Assert.Equal("Fri 21 Mar 2025", updated.Fact("Due"));
        Assert.Equal("due date Fri 14 Mar 2025 → Fri 21 Mar 2025", h.Action(1).History[^1].Change);
    }

    [Fact]
    public async Task Updates_ByText_AllRecordedInHistory()
    {
        var h = await WithActionsAsync();

        Assert.Contains("now due Fri 21 Mar 2025", (await h.SayAsync(Sam, "action 1 due next Friday")).Text());
        Assert.Contains("on hold", (await h.SayAsync(Sam, "action 1 status on hold")).Text());
        Assert.Contains("amber", (await h.SayAsync(Sam, "action 1 rag amber")).Text());
        Assert.Contains("Noted", (await h.SayAsync(Sam, "action 1 note rang the highways team")).Text());
        Assert.Contains("50%", (await h.SayAsync(Sam, "action 1 50%")).Text());

        var action = h.Action(1);
        Assert.Equal(new DateOnly(2025, 3, 21), action.Due);
        Assert.Equal(ActionStatus.OnHold, action.Status);
        Assert.Equal(RagRating.Amber, action.Rag);
        Assert.Equal(50, action.PercentComplete);
        Assert.Equal("rang the highways team", Assert.Single(action.Notes).Text);
        Assert.Equal(
            ["created", "due date Fri 14 Mar 2025 → Fri 21 Mar 2025", "status Not started → On hold", "RAG none → Amber", "note added", "progress 0% → 50%"],
            action.History.Select(e => e.Change));
        Assert.All(action.History.Skip(1), e => Assert.Equal(Sam, e.By));
    }

    [Fact]
    public async Task Details_ShowHistoryAndNotes()
    {
        var h = await WithActionsAsync();
        await h.SayAsync(Sam, "action 1 note rang the highways team");

        var card = (await h.SayAsync(Chair, "action 1")).Card();

        var text = card.AllText();
        Assert.Contains("History", text);
        Assert.Contains("Sam: note added", text);
        Assert.Contains("Sam: rang the highways team", text);
    }

    [Fact]
    public async Task Due_PastDate_AsksBeforeChanging()
    {
        var h = await WithActionsAsync();

        var card = (await h.SayAsync(Sam, "action 1 due 1/3/2025")).Card();

        Assert.Equal(new DateOnly(2025, 3, 14), h.Action(1).Due);
        await h.PressAsync(Sam, card.Button("Use Sat 1 Mar 2025"));
        Assert.Equal(new DateOnly(2025, 3, 1), h.Action(1).Due);
    }

    [Fact]
    public async Task Due_Unreadable_ExplainsAndKeepsTheDate()
    {
        var h = await WithActionsAsync();
        Assert.Contains("Try", (await h.SayAsync(Sam, "action 1 due 31/2")).Text());
        Assert.Equal(new DateOnly(2025, 3, 14), h.Action(1).Due);
    }

    [Fact]
    public async Task Action_UnknownNumber_SaysSo()
    {
        var h = await WithActionsAsync();
        Assert.Contains("can't find action 99", (await h.SayAsync(Sam, "action 99")).Text());
        Assert.Contains("can't find action 99", (await h.SayAsync(Sam, "done 99")).Text());
    }

    [Fact]
    public async Task MyActions_MergesOtherGroupsFromTheIndex()
    {
        var h = await WithActionsAsync();
        h.Index.Rows[AssigneeKeys.For("msteams", "tenant-1", Sam.Id)] =
        [
            new AssignedAction("msteams-other", "Great Snoring", 7, "count the bus shelters", new DateOnly(2025, 3, 20), ActionStatus.InProgress),
            new AssignedAction(h.GroupId, "Little Wittering", 1, "stale title from the index", null, ActionStatus.NotStarted),
        ];

        var card = (await h.SayAsync(Sam, "my actions")).Card();

        var text = card.AllText();
        Assert.Contains("Great Snoring", text);
        Assert.Contains("Action 7: count the bus shelters", text);
        Assert.Contains("Action 1: book the village hall", text);
        Assert.Contains("Action 3: ring the highways team", text);
        Assert.DoesNotContain("stale title", text);
        Assert.Equal("3 actions", card.Subtitle);
    }

    [Fact]
    public async Task Digest_OffAndOn_ChangesThePlan()
    {
        var h = await new ActionHarness().WithPlanAsync();

        await h.SayAsync(Chair, "digest off");
        Assert.False(h.Memory.All<PlanRecord>(h.GroupId).Single().DigestEnabled);

        await h.SayAsync(Chair, "digest on");
        Assert.True(h.Memory.All<PlanRecord>(h.GroupId).Single().DigestEnabled);
    }

    [Fact]
    public async Task Reopen_CompletedAction_IsOpenAgain()
    {
        var h = await WithActionsAsync();
        await h.SayAsync(Sam, "done 1");
        var card = (await h.SayAsync(Sam, "action 1")).Card();

        await h.PressAsync(Sam, card.Button("Reopen"));

        Assert.True(h.Action(1).IsOpen);
        Assert.Null(h.Action(1).ClosedAt);
    }
}
