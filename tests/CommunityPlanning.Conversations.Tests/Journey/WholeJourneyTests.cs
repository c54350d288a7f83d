using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Testing;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Journey;
using CommunityPlanning.Domain.Plans;
using CommunityPlanning.Domain.Ports;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

/// <summary>One steering group from "start" to the step 9 review, with a second member interleaving.</summary>
public sealed class WholeJourneyTests
{
    [Theory]
    [InlineData("memory")]
    [InlineData("azurite")]
    public async Task Journey_StartToReview_EveryStepChecklistFormsAndQuestions(string storeKind)
    {
        // On Azurite every turn is also counted: one read round trip and one write at most.
        using var azurite = storeKind == "azurite" ? new CountingTableStore() : null;
        IGroupStore store = azurite is null ? new InMemoryGroupStore() : azurite;
        using var chat = new ScriptedConversation(store); // Wed 12 Mar 2025
        await chat.StartPlan(PlanType.CommunityLedThenNeighbourhood);
        await chat.Send(Ann, "role @Bob secretary", Bob);

        // Step 1: Ann answers in the chat while Bob, part-way through his own questions, interleaves.
        (await chat.Send(Ann, "ask me the questions")).AssertReply("Describe the area");
        await chat.Send(Ann, "The civil parish of Little Wittering");
        (await chat.Send(Bob, "ask me the questions for step 1")).AssertReply("how many people live there");
        await chat.Send(Ann, "1,240");
        (await chat.Send(Bob, "skip")).AssertReply("households");
        await chat.Send(Ann, "530");
        (await chat.Send(Ann, "yes")).AssertReply("Date of the council minute");
        (await chat.Send(Ann, "10/3/2025")).AssertReply("adviser");
        await chat.Send(Bob, "cancel");
        await chat.Send(Ann, "Jo Green, Rural Community Council");
        await chat.Send(Ann, "skip");
        (await chat.Send(Ann, "next Saturday")).AssertReply("Where is it");
        await chat.Send(Ann, "cancel");
        await chat.AddRow(Bob, 1, "Volunteers", ("name", "Priya Shah"), ("skills", "it-data,writing"), ("themes", "transport"));
        await chat.TickAll(Bob);
        (await chat.Send(Cat, "step complete")).AssertReply("Only the chair, vice-chair, secretary or treasurer").AssertReply("Bob (Secretary)");
        await chat.CompleteStep(Bob);

        // Step 2.
        chat.Clock.Advance(TimeSpan.FromDays(30));
        await chat.FillForm(Ann, 2, "How the group runs", ("type", "terms-of-reference"), ("maxMembers", "12"), ("maxCouncillors", "3"), ("quorum", "4"), ("meetingFrequency", "monthly"));
        await chat.AddRow(Bob, 2, "Steering group members", ("name", "Ann Taylor"), ("role", "chair"), ("councillor", "false"), ("represents", "Residents"));
        await chat.TickAll(Ann);
        await chat.CompleteStep(Ann);

        // Step 3.
        await chat.AddRow(Ann, 3, "Budget", ("item", "Printing questionnaires"), ("cost", "850"), ("status", "estimate"));
        (await chat.AddRow(Bob, 3, "Budget", ("item", "Hall hire"), ("cost", "120.50"))).AssertReply("Total budget: £970.50");
        await chat.TickAll(Bob);
        await chat.CompleteStep(Bob);

        // Step 4.
        chat.Clock.Advance(TimeSpan.FromDays(60));
        (await chat.AddRow(Ann, 4, "Surveys", ("name", "Household questionnaire"), ("audience", "household"), ("distributed", "530"), ("returned", "318")))
            .AssertReply("Response rate: 60%");
        await ScoringTests.AddIssue(chat, "Speeding through the village", "transport");
        await ScoringTests.AddIssue(chat, "No youth club", "young-people");
        await chat.TickAll(Ann);
        await chat.CompleteStep(Ann);

        // Step 5: vision, scores from both members, ranking, actions.
        await chat.FillForm(Bob, 5, "Vision", ("vision", "A safe, friendly village where young and old can thrive."));
        var issues = PriorityIssues.From(await chat.Stored());
        foreach (var (who, scores) in new[] { (Ann, new[] { "5", "4", "3", "3", "3", "4" }), (Bob, new[] { "4", "5", "3", "4", "2", "5" }) })
        {
            await chat.Send(who, "score");
            await chat.Press(who, "Score the issues");
            await chat.Press(who, "Save my scores", Inputs.Of(
                ("imp.4." + issues[0].RowId, scores[0]), ("urg.4." + issues[0].RowId, scores[1]), ("fea.4." + issues[0].RowId, scores[2]),
                ("imp.4." + issues[1].RowId, scores[3]), ("urg.4." + issues[1].RowId, scores[4]), ("fea.4." + issues[1].RowId, scores[5])));
        }

        (await chat.Send(Ann, "close scoring")).AssertReply("1. Speeding through the village: Total 12");
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Community speed watch"), ("type", "community"), ("lead", "Bob"), ("status", "in-progress"));
        await chat.AddRow(Ann, 5, "Action plan", ("action", "Start a youth club"), ("type", "partnership"), ("lead", "Priya"));
        await chat.TickAll(Bob);
        await chat.CompleteStep(Ann);

        // Step 6. The Regulation 14 milestones are in the Neighbourhood Plan stages that follow the plan.
        await chat.FillForm(Ann, 6, "The draft", ("version", "Draft 1"), ("date", "2025-07-01"));
        (await chat.Send(Ann, "step 6")).AssertReply("Step 6: Drafting your plan").AssertReply("type \"neighbourhood plan\"");
        (await chat.Send(Ann, "neighbourhood plan")).AssertReply("After the Community Led Plan · 0 of").AssertReply("Run the Regulation 14 consultation");
        await chat.Press(Ann, "Neighbourhood Plan: screening and Regulation 14");
        (await chat.Press(Ann, "Save", Inputs.Of(("reg14Start", "2025-07-01"), ("reg14End", "2025-07-20")))).AssertReply("at least 6 weeks");
        (await chat.Press(Ann, "Save", Inputs.Of(("reg14Start", "2025-07-01"), ("reg14End", "2025-08-15")))).AssertReply("Saved by Ann");
        await chat.AddRow(Bob, 6, "Comments on the draft", ("from", "partner"), ("comment", "Please mention the bus timetable."), ("changed", "true"));
        await chat.TickAll(Ann);
        await chat.CompleteStep(Bob);

        // Step 7: adoption and the referendum.
        await chat.FillForm(Ann, 7, "Sign-off and adoption", ("signOff", "2025-09-01"), ("adopted", "2025-09-15"), ("endorsement", "endorsed"));
        await chat.Send(Ann, "neighbourhood plan");
        await chat.Press(Ann, "Neighbourhood Plan: submission to referendum");
        (await chat.Press(Ann, "Save", Inputs.Of(("referendumDate", "2026-02-05"), ("turnout", "41"), ("yesPercent", "78"))))
            .AssertReply("Referendum result: Passed");
        await chat.TickAll(Bob);
        await chat.CompleteStep(Ann);

        // Step 8: an update on the first action, picked from the action plan (whose rows are the group's actions).
        var actions = StepForms.Rows(await chat.Stored(), 5, "actions");
        Assert.Equal(["1", "2"], actions.Select(a => a.RowId));
        (await chat.AddRow(Bob, 8, "Progress updates", ("action", actions[0].RowId), ("status", "completed"), ("rag", "green"), ("note", "Twelve volunteers trained.")))
            .AssertReply("Community speed watch")
            .AssertReply("Actions still to do: 1");
        await chat.Press(Bob, "Add");
        var refused = await chat.Press(Bob, "Save", Inputs.Of(("action", "not-an-action"), ("status", "completed")));
        Assert.Contains("isn't one of the choices", refused.ErrorBeside("action"));
        await chat.TickAll(Ann);
        await chat.CompleteStep(Ann);

        // Step 9: the review, answered in the chat with dates.
        chat.Clock.Advance(TimeSpan.FromDays(365 * 4));
        (await chat.Send(Ann, "where are we")).AssertReply("Step 9: Reviewing your plan");
        (await chat.Press(Ann, "Ask me questions")).AssertReply("Date of the review");
        (await chat.Send(Ann, "today")).AssertReply("original plan adopted");
        (await chat.Send(Ann, "15/9/2025")).AssertReply("What has changed");
        await chat.Send(Ann, "Twenty new homes; the shop became a community shop.");
        (await chat.Send(Ann, "refresh")).AssertReply("Next review date");
        (await chat.Send(Ann, "1/1/2020")).AssertReply("can't be before this review");
        await chat.Send(Ann, "31/3/2033");
        (await chat.Send(Ann, "yes")).AssertReply("Which action").AssertReply("Community speed watch");
        await chat.Send(Ann, "1");
        await chat.Send(Ann, "done");
        await chat.Send(Ann, "skip");
        (await chat.Send(Ann, "no")).AssertReply("Saved to \"What happened to each action\"");
        (await chat.Send(Ann, "no")).AssertReply("That's all I have to ask about step 9");
        await chat.TickAll(Bob);
        (await chat.CompleteStep(Bob)).AssertReply("That's the last step");

        // Everything reads back from the store, as a fresh host would see it.
        using var restarted = new ScriptedConversation(store);
        var state = await restarted.Stored();
        Assert.All(Enumerable.Range(1, 9), n => Assert.True(PlanProgress.IsComplete(state, n), $"step {n}"));
        Assert.Equal(9, state.Find<PlanRecord>(PlanRecord.Kind)!.CurrentStep);
        Assert.All(Enumerable.Range(1, 9), n => Assert.Empty(PlanProgress.OpenItems(state, state.Find<PlanRecord>(PlanRecord.Kind)!, n)));
        Assert.Equal("1240", StepForms.Single(state, 1, "community")!.Values["population"]);
        Assert.Equal("2025-03-10", StepForms.Single(state, 1, "support")!.Values["minuteDate"]);
        Assert.Equal("2025-03-22", StepForms.Single(state, 1, "launch")!.Values["date"]);
        Assert.Equal("2029-06-09", StepForms.Single(state, 9, "review")!.Values["reviewDate"]);
        var speedWatch = state.Find<ActionItem>(ActionItem.KeyFor(1))!;
        Assert.Equal((ActionStatus.Completed, RagRating.Green), (speedWatch.Status, speedWatch.Rag));
        Assert.Equal(Bob, speedWatch.Owner);
        Assert.Equal("Twelve volunteers trained.", Assert.Single(speedWatch.Notes).Text);
        Assert.Equal("Priya", state.Find<ActionItem>(ActionItem.KeyFor(2))!.Plan!.Lead);
        Assert.DoesNotContain(state.OfType<FormRow>(), r => r.Step is 5 or 8 && r.FormId is "actions" or "updates");
        Assert.Null(state.Find<DialogState>(DialogState.KeyFor(Ann.Id)));
        Assert.Null(state.Find<DialogState>(DialogState.KeyFor(Bob.Id)));
        (await restarted.Send(Bob, "summary step 9"))
            .AssertReply("Actions completed: 1")
            .AssertReply("Actions outstanding: 1")
            .AssertReply("Community speed watch · Done");
        (await restarted.Send(Ann, "progress")).AssertReply("9 of 9 steps complete");

        if (azurite is not null)
        {
            Assert.True(azurite.Turns > 150, $"only {azurite.Turns} turns were counted");
            Assert.Equal(1, azurite.MostReadsInATurn);
            Assert.Equal(1, azurite.MostWritesInATurn);

            // A fresh store on the same table (as after a host restart) reads every record back unchanged.
            var reread = await azurite.Reopen().LoadAsync(restarted.GroupId);
            Assert.Equal(CountingTableStore.Snapshot(state), CountingTableStore.Snapshot(reread));
        }
    }
}
