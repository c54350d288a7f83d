using CommunityPlanning.Testing;
using CommunityPlanning.Conversations.Journey;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Journey;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class FormCardTests
{
    [Fact]
    public async Task SaveSingleForm_ValidValues_StoresAndShowsSaved()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        await chat.Press(Ann, "Launch event");

        (await chat.Press(Ann, "Save", Inputs.Of(("date", "2025-04-05"), ("venue", "Village hall"), ("attendance", "64"))))
            .AssertReply("Saved by Ann")
            .AssertMode(ReplyMode.ReplaceSource);

        var row = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "launch", FormRow.SingleRowId));
        Assert.NotNull(row);
        Assert.Equal("2025-04-05", row.Values["date"]);
        Assert.Equal("64", row.Values["attendance"]);
        (await chat.Send(Bob, "step 1")).AssertReply("Launch event: 3 of 4 answered");
    }

    [Theory]
    [InlineData("date", "31/02/2025", "isn't a date")]
    [InlineData("attendance", "-5", "at least 0")]
    [InlineData("attendance", "lots", "isn't a number")]
    public async Task SaveSingleForm_InvalidValue_ShowsErrorBesideFieldAndWritesNothing(string field, string value, string error)
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        await chat.Press(Ann, "Launch event");
        var inputs = new Dictionary<string, string> { ["date"] = "2025-04-05", [field] = value };

        var replies = await chat.Press(Ann, "Save", inputs);

        Assert.Contains(error, replies.ErrorBeside(field));
        replies.AssertReply("Nothing has been saved");
        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "launch", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task SaveSingleForm_TextOverLimit_IsRefused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 5");
        await chat.Press(Ann, "Vision");

        var replies = await chat.Press(Ann, "Save", Inputs.Of(("vision", new string('x', 1001))));

        Assert.Contains("takes up to 1000", replies.ErrorBeside("vision"));
        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(5, "vision", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task SaveSingleForm_ChoiceNotOffered_IsRefused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 2");
        await chat.Press(Ann, "How the group runs");

        var replies = await chat.Press(Ann, "Save", Inputs.Of(("type", "dictatorship")));

        Assert.Contains("isn't one of the choices", replies.ErrorBeside("type"));
    }

    [Fact]
    public async Task SaveSingleForm_StaleCardDifferentFields_BothPersist()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        var annCard = (await chat.Press(Ann, "Launch event")).Card;
        await chat.Send(Bob, "step 1");
        var bobCard = (await chat.Press(Bob, "Launch event")).Card;

        await chat.Press(Ann, Replies.Button(annCard, "Save"), Inputs.Of(("date", "2025-04-05"), ("venue", "Village hall")));
        // Bob's card still shows the empty form; he fills attendance and the date he knows.
        await chat.Press(Bob, Replies.Button(bobCard, "Save"), Inputs.Of(("date", "2025-04-05"), ("attendance", "70")));

        var values = (await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "launch", FormRow.SingleRowId))!.Values;
        Assert.Equal("Village hall", values["venue"]);
        Assert.Equal("70", values["attendance"]);
    }

    [Fact]
    public async Task RepeatingForm_AddEditRemove_WorksAndShowsResponseRate()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 4");
        await chat.Press(Ann, "Surveys");
        await chat.Press(Ann, "Add");
        (await chat.Press(Ann, "Save", Inputs.Of(("name", "Household survey"), ("audience", "household"), ("distributed", "400"), ("returned", "252"))))
            .AssertReply("Household survey")
            .AssertReply("Response rate: 63%");

        var state = await chat.Stored();
        var row = Assert.Single(StepForms.Rows(state, 4, "surveys"));

        await chat.Press(Bob, "Edit", Inputs.Of((JourneyVerbs.RowKey, row.RowId)));
        (await chat.Press(Bob, "Save", Inputs.Of(("name", "Household survey"), ("audience", "household"), ("distributed", "400"), ("returned", "300"))))
            .AssertReply("Response rate: 75%");

        (await chat.Press(Ann, "Remove", Inputs.Of((JourneyVerbs.RowKey, row.RowId)))).AssertReply("Removed by Ann");
        Assert.Empty(StepForms.Rows(await chat.Stored(), 4, "surveys"));
    }

    [Fact]
    public async Task RepeatingForm_ReturnedMoreThanDistributed_IsRefused()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 4");
        await chat.Press(Ann, "Surveys");
        await chat.Press(Ann, "Add");

        var replies = await chat.Press(Ann, "Save", Inputs.Of(("name", "Youth survey"), ("audience", "young-people"), ("distributed", "50"), ("returned", "80")));

        Assert.Contains("More came back", replies.ErrorBeside("returned"));
        Assert.Empty(StepForms.Rows(await chat.Stored(), 4, "surveys"));
    }

    [Fact]
    public async Task RepeatingForm_EditOfRowDeletedMeanwhile_IsRefusedAndNothingWritten()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        await chat.Press(Ann, "Volunteers");
        await chat.Press(Ann, "Add");
        await chat.Press(Ann, "Save", Inputs.Of(("name", "Priya")));
        var rowId = Assert.Single(StepForms.Rows(await chat.Stored(), 1, "volunteers")).RowId;
        var listCard = chat.LastCard!;
        var bobEdit = (await chat.Press(Bob, Replies.Button(listCard, "Edit"), Inputs.Of((JourneyVerbs.RowKey, rowId)))).Card;

        await chat.Press(Ann, Replies.Button(listCard, "Remove"), Inputs.Of((JourneyVerbs.RowKey, rowId)));
        (await chat.Press(Bob, Replies.Button(bobEdit, "Save"), Inputs.Of(("name", "Priya Shah"))))
            .AssertReply("Someone removed that entry");

        Assert.Empty(StepForms.Rows(await chat.Stored(), 1, "volunteers"));
    }

    [Fact]
    public async Task RepeatingForm_SaveTwice_AddsOneRow()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        await chat.Press(Ann, "Volunteers");
        var rowCard = (await chat.Press(Ann, "Add")).Card;

        await chat.Press(Ann, Replies.Button(rowCard, "Save"), Inputs.Of(("name", "Priya")));
        await chat.Press(Ann, Replies.Button(rowCard, "Save"), Inputs.Of(("name", "Priya")));

        Assert.Single(StepForms.Rows(await chat.Stored(), 1, "volunteers"));
    }

    [Fact]
    public async Task FormCard_FromAnotherGroup_IsRefused()
    {
        var store = new InMemoryGroupStore();
        using var ours = new ScriptedConversation(store, "ours");
        using var theirs = new ScriptedConversation(store, "theirs");
        await ours.StartPlan();
        await theirs.StartPlan(name: "Great Snoring");
        await theirs.Send(Ann, "step 1");
        var theirCard = (await theirs.Press(Ann, "Launch event")).Card;

        (await ours.Press(Ann, Replies.Button(theirCard, "Save"), Inputs.Of(("date", "2025-04-05"))))
            .AssertReply("belongs to a different group");

        Assert.Null((await ours.Stored()).Find<FormRow>(FormRow.KeyFor(1, "launch", FormRow.SingleRowId)));
        Assert.Null((await theirs.Stored()).Find<FormRow>(FormRow.KeyFor(1, "launch", FormRow.SingleRowId)));
    }

    [Fact]
    public async Task SaveSingleForm_NothingFilledIn_WritesNothing()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "step 1");
        await chat.Press(Ann, "Council and advisers");

        (await chat.Press(Ann, "Save", Inputs.Of(("adviser", "  ")))).AssertReply("nothing to save");

        Assert.Null((await chat.Stored()).Find<FormRow>(FormRow.KeyFor(1, "support", FormRow.SingleRowId)));
    }
}
