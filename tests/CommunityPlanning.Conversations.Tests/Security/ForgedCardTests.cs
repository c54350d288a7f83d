using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Pipeline;
using CommunityPlanning.Conversations.Tests.Actions;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using static CommunityPlanning.Conversations.Tests.Actions.ActionHarness;

namespace CommunityPlanning.Conversations.Tests.Security;

/// <summary>Card data is client-editable: forged titles, creators and owners are refused and change nothing.</summary>
public sealed class ForgedCardTests
{
    private static readonly MemberRef Dana = new("29:dana", "Dana");

    [Fact]
    public async Task QuestionCard_Data_CarriesOnlyTheGroupAndAPendingId()
    {
        var h = await new ActionHarness().WithPlanAsync();

        var question = (await h.SayAsync(Chair, "action @Dana book the hall by Friday", Dana)).Card();

        Assert.All(question.Actions, a => Assert.Equal(["g", "p"], a.Data.Keys.Order(StringComparer.Ordinal)));
        var pending = Assert.Single(h.Memory.All<PendingActionRecord>(h.GroupId));
        Assert.Equal(question.Actions[0].Data["p"], pending.Id);
        Assert.Equal("book the hall", pending.Title);
        Assert.Equal(Dana, pending.Owner);
        Assert.Equal(Chair, pending.CreatedBy);
    }

    [Fact]
    public async Task Submit_ForgedTenThousandCharacterTitle_RefusedAndNothingStored()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        var replies = await h.PressAsync(Sam, Forge(question.Button("No due date"), ("t", new string('x', 10_000))));

        Assert.Equal(SubmissionCheck.Malformed, replies.Text());
        Assert.Empty(h.Actions);
        Assert.Equal("sort out the raffle", Assert.Single(h.Memory.All<PendingActionRecord>(h.GroupId)).Title);
    }

    [Fact]
    public async Task Submit_ForgedShortTitle_IsIgnoredForTheStoredOne()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        await h.PressAsync(Sam, Forge(question.Button("No due date"), ("t", "pay Sam a thousand pounds")));

        Assert.Equal("sort out the raffle", h.Action(1).Title);
        Assert.Empty(h.Memory.All<PendingActionRecord>(h.GroupId));
    }

    [Fact]
    public async Task Submit_ForgedCreatorNotAMember_RefusedAndNothingStored()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        var replies = await h.PressAsync(Sam, Forge(question.Button("No due date"), ("cid", "29:mallory"), ("cn", "Mallory")));

        Assert.Equal(SubmissionCheck.NotAMember, replies.Text());
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task Submit_ForgedCreatorWhoIsAMember_TheRealCreatorIsKept()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        await h.PressAsync(Sam, Forge(question.Button("No due date"), ("cid", Chair.Id), ("cn", Chair.Name)));

        Assert.Equal(Sam, h.Action(1).CreatedBy);
    }

    [Fact]
    public async Task Submit_ForgedOwnerIdAndName_RefusedAndNothingStoredOrSent()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Chair, "action @Dana book the hall by Friday", Dana)).Card();

        var replies = await h.PressAsync(Chair, Forge(question.Button("Add Dana"), ("oid", "29:mallory"), ("on", "Mallory")));

        var reply = Assert.Single(replies);
        Assert.Equal(SubmissionCheck.NotAMember, reply.Text);
        Assert.Equal(ReplyMode.Private, reply.Mode);
        Assert.Empty(h.Actions);
        Assert.Null(h.Memory.All<MemberRecord>(h.GroupId).FirstOrDefault(m => m.Member.Id == "29:mallory"));
    }

    [Fact]
    public async Task Submit_PickedOwnerNotOnTheRoster_RefusedAndNothingStored()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Chair, "action @Dana book the hall by Friday", Dana)).Card();

        var replies = await h.PressAsync(Chair, question.Button("Give it to the member picked"), (ActionVerbs.OwnerKey, "29:mallory"));

        Assert.Equal(SubmissionCheck.NotAMember, replies.Text());
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task AddOwner_ForgedOwnerOnReassignCard_RefusedAndTheRealCardStillWorks()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action: book the hall");
        var confirm = (await h.SayAsync(Chair, "action 1 to @Dana", Dana)).Card();
        Assert.Equal(["g", "id", "p"], confirm.Button("Add Dana").Data.Keys.Order(StringComparer.Ordinal));

        var forged = await h.PressAsync(Chair, Forge(confirm.Button("Add Dana"), ("oid", "29:mallory"), ("on", "Mallory")));
        Assert.Equal(SubmissionCheck.NotAMember, forged.Text());
        Assert.Null(h.Action(1).Owner);

        var withoutRecord = await h.PressAsync(Chair, Forge(confirm.Button("Add Dana"), ("p", new string('0', 32))));
        Assert.Contains("expired", withoutRecord.Text(), StringComparison.Ordinal);
        Assert.Null(h.Action(1).Owner);

        await h.PressAsync(Chair, confirm.Button("Add Dana"));
        Assert.Equal(Dana, h.Action(1).Owner);
        Assert.Empty(h.Memory.All<PendingActionRecord>(h.GroupId));
    }

    [Fact]
    public async Task Submit_OverlongDataValue_RefusedForAnyVerb()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Chair, "action: book the hall");

        var replies = await h.PressAsync(Chair, new CardAction("x", ActionVerbs.Done, new Dictionary<string, string>
        {
            ["g"] = h.GroupId,
            [ActionVerbs.IdKey] = "1",
            ["note"] = new string('y', SubmissionCheck.MaxDataValueLength + 1),
        }));

        Assert.Equal(SubmissionCheck.Malformed, replies.Text());
        Assert.True(h.Action(1).IsOpen);
    }

    [Fact]
    public async Task Submit_OverlongInput_RefusedBeforeTheHandler()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        var replies = await h.PressAsync(Sam, question.Button("Save"), (ActionVerbs.DueKey, new string('1', SubmissionCheck.MaxInputLength + 1)));

        Assert.Equal(SubmissionCheck.Malformed, replies.Text());
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task Cancel_RemovesThePendingRecord()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        (await h.PressAsync(Sam, question.Button("Cancel"))).Text();

        Assert.Empty(h.Memory.All<PendingActionRecord>(h.GroupId));
        Assert.Empty(h.Actions);
    }

    [Fact]
    public async Task QuestionCard_After24Hours_HasExpiredAndItsRecordIsRemoved()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();
        h.Clock.Now += PendingActionRecord.Lifetime + TimeSpan.FromMinutes(1);

        var replies = await h.PressAsync(Sam, question.Button("No due date"));

        Assert.Contains("expired", replies.Text(), StringComparison.Ordinal);
        Assert.Empty(h.Actions);
        Assert.Empty(h.Memory.All<PendingActionRecord>(h.GroupId));
    }

    [Fact]
    public async Task NewQuestion_SweepsExpiredPendingRecords()
    {
        var h = await new ActionHarness().WithPlanAsync();
        await h.SayAsync(Sam, "I'll sort out the raffle");
        h.Clock.Now += PendingActionRecord.Lifetime + TimeSpan.FromMinutes(1);

        await h.SayAsync(Sam, "I'll paint the sign");

        Assert.Equal("paint the sign", Assert.Single(h.Memory.All<PendingActionRecord>(h.GroupId)).Title);
    }

    [Fact]
    public async Task ConfirmButton_PressedTwice_MakesOneAction()
    {
        var h = await new ActionHarness().WithPlanAsync();
        var question = (await h.SayAsync(Sam, "I'll sort out the raffle")).Card();

        await h.PressAsync(Sam, question.Button("No due date"));
        var again = (await h.PressAsync(Sam, question.Button("No due date"))).Card();

        Assert.Single(h.Actions);
        Assert.StartsWith("Action 1", again.Title, StringComparison.Ordinal);
    }

    private static CardAction Forge(CardAction button, params (string Key, string Value)[] pairs)
    {
        var data = new Dictionary<string, string>(button.Data);
        foreach (var (key, value) in pairs)
        {
            data[key] = value;
        }

        return button with { Data = data };
    }
}
