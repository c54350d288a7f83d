using CommunityPlanning.Conversations.Plans;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Drafting;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Testing;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Plans;

/// <summary>Step 6: the plan drafted from the group's records, then edited and agreed in each section's form.</summary>
public sealed class PlanDraftingTests
{
    [Fact]
    public async Task Plan_BeforeStart_SaysToStart()
    {
        using var chat = new ScriptedConversation();
        (await chat.Send(Ann, "plan")).AssertReply("Type \"start\"");
        (await chat.Send(Ann, "plan document")).AssertReply("Type \"start\"");
        (await chat.Send(Ann, "export actions")).AssertReply("Type \"start\"");
    }

    [Fact]
    public async Task DraftThePlanButton_OnStepSix_DraftsEverySectionFromTheRecords()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Bob, "plan")).AssertReply("Nothing drafted yet").AssertReply("Not drafted yet");
        await chat.Send(Ann, "step 6");
        var replies = await chat.Press(Bob, "Draft the plan");
        replies.AssertReply("I've drafted 7 sections").AssertReply("drafted by the bot for Bob");

        var stored = (await chat.Stored()).WithPrefix<PlanSectionRecord>(PlanSectionRecord.Prefix).ToList();
        Assert.Equal(PlanSections.All.Select(s => s.Id).Order(StringComparer.Ordinal), stored.Select(s => s.Section).Order(StringComparer.Ordinal));
        Assert.All(stored, s => Assert.True(s.ByBot && s.Status == PlanSectionStatus.Draft && s.ChangedBy == Bob));
        Assert.Contains("Little Wittering", stored.Single(s => s.Section == PlanSections.Community).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Section_EditedByAMember_KeptWhenDraftingAgain()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "draft the plan");
        (await chat.Send(Bob, "plan section vision")).AssertReply("Plan section: Our vision and priorities").AssertReply("Draft · drafted by the bot");
        (await chat.Press(Bob, "Save", Inputs.Of((PlanVerbs.TextInput, "A village for every generation."), (PlanVerbs.StatusInput, "draft"))))
            .AssertReply("Saved by Bob");

        (await chat.Send(Ann, "draft the plan")).AssertReply("I've drafted 6 sections").AssertReply("kept 1 section");
        var vision = (await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Vision))!;
        Assert.Equal(("A village for every generation.", false, "Bob"), (vision.Text, vision.ByBot, vision.ChangedBy.Name));
        (await chat.Send(Ann, "plan")).AssertReply("Draft · changed by Bob, Wed 12 Mar 2025");
    }

    [Fact]
    public async Task Agreeing_OnlyOfficers_AndAnAgreedSectionOnlyOfficersChange()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(); // Ann is the chair
        await chat.Send(Ann, "draft the plan");

        await chat.Send(Bob, "plan section thanks");
        var refused = await chat.Press(Bob, "Save", Inputs.Of((PlanVerbs.TextInput, "Thank you all."), (PlanVerbs.StatusInput, "agreed")));
        Assert.Contains("Only the chair, vice-chair, secretary or treasurer can mark a section agreed", refused.ErrorBeside(PlanVerbs.StatusInput), StringComparison.Ordinal);
        Assert.True((await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Thanks))!.ByBot);

        await chat.Send(Ann, "plan section thanks");
        (await chat.Press(Ann, "Save", Inputs.Of((PlanVerbs.TextInput, "Thank you all."), (PlanVerbs.StatusInput, "agreed")))).AssertReply("Agreed by Ann");

        await chat.Send(Bob, "plan section thanks");
        var agreed = await chat.Press(Bob, "Save", Inputs.Of((PlanVerbs.TextInput, "Thanks to nobody."), (PlanVerbs.StatusInput, "agreed")));
        Assert.Contains("This section is agreed, so only the chair, vice-chair, secretary or treasurer can change it", agreed.ErrorBeside(PlanVerbs.TextInput), StringComparison.Ordinal);
        agreed.AssertReply("Nothing has been saved yet");
        var thanks = (await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Thanks))!;
        Assert.Equal(("Thank you all.", PlanSectionStatus.Agreed, "Ann"), (thanks.Text, thanks.Status, thanks.ChangedBy.Name));

        // Drafting again never touches an agreed section.
        await chat.Send(Bob, "draft the plan");
        Assert.Equal("Thank you all.", (await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Thanks))!.Text);
    }

    [Fact]
    public async Task Section_TextOverTheLimit_ErrorBesideTheFieldAndNothingSaved()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "draft the plan");
        await chat.Send(Bob, "plan section 1");
        var replies = await chat.Press(Bob, "Save", Inputs.Of((PlanVerbs.TextInput, new string('a', PlanSections.MaxTextLength + 1)), (PlanVerbs.StatusInput, "draft")));
        Assert.Contains("takes up to 3000", replies.ErrorBeside(PlanVerbs.TextInput), StringComparison.Ordinal);
        replies.AssertReply("Nothing has been saved yet");
        Assert.True((await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Community))!.ByBot);
    }

    [Fact]
    public async Task Section_StaleCard_KeepsWhatSomeoneElseChanged()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "draft the plan");
        var annCard = (await chat.Send(Ann, "plan section community")).Card;
        var bobCard = (await chat.Send(Bob, "plan section community")).Card;
        var draft = annCard.Blocks.OfType<Cards.InputBlock>().Single(b => b.Input.Id == PlanVerbs.TextInput).Input.Value!;

        await chat.Press(Bob, Replies.Button(bobCard, "Save"), Inputs.Of((PlanVerbs.TextInput, "Bob's words."), (PlanVerbs.StatusInput, "draft")));

        // Ann's card still shows the bot's draft; she changes only the status, so Bob's text stays.
        (await chat.Press(Ann, Replies.Button(annCard, "Save"), Inputs.Of((PlanVerbs.TextInput, draft), (PlanVerbs.StatusInput, "agreed")))).AssertReply("Agreed by Ann");
        var stored = (await chat.Stored()).Find<PlanSectionRecord>(PlanSectionRecord.KeyFor(PlanSections.Community))!;
        Assert.Equal(("Bob's words.", PlanSectionStatus.Agreed), (stored.Text, stored.Status));
    }

    [Fact]
    public async Task EditASection_ButtonsForEverySectionOverTwoPages_EachOpensItsForm()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        await chat.Send(Ann, "plan");
        var first = (await chat.Press(Bob, "Edit a section")).Card;
        Assert.Equal([.. PlanSections.All.Take(5).Select(s => s.Title), "More sections"], first.Actions.Select(a => a.Title));
        Assert.DoesNotContain(first.Blocks, b => b is Cards.InputBlock);
        var second = (await chat.Press(Bob, "More sections")).Card;
        Assert.Equal([.. PlanSections.All.Skip(5).Select(s => s.Title), "Back to the plan"], second.Actions.Select(a => a.Title));
        (await chat.Press(Bob, "Thanks")).AssertReply("Plan section: Thanks").AssertReply("Not drafted yet").AssertReply("Thank you to everyone in Little Wittering");
    }

    [Fact]
    public async Task Documents_NothingToShowYet_SayWhatToDoFirst()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Bob, "plan document")).AssertReply("There's no plan to put in a document yet").AssertReply("draft the plan");
        (await chat.Send(Bob, "export actions")).AssertReply("There are no actions to export yet");
        (await chat.Send(Bob, "plan section budget")).AssertReply("There's no section called \"budget\"");
    }

    [Fact]
    public async Task Drafting_OnAzurite_OneReadAndOneWriteATurn()
    {
        using var azurite = new CountingTableStore();
        using var chat = new ScriptedConversation(azurite);
        await chat.StartPlan();
        await chat.Send(Bob, "hello");
        (await chat.Send(Ann, "action @Bob book the hall by Friday", Bob)).AssertReply("book the hall");
        await chat.Send(Ann, "draft the plan");
        await chat.Send(Bob, "plan section vision");
        await chat.Press(Bob, "Save", Inputs.Of((PlanVerbs.TextInput, "A village for every generation."), (PlanVerbs.StatusInput, "draft")));
        (await chat.Send(Ann, "plan")).AssertReply("1 action");
        Assert.Equal(1, azurite.MostReadsInATurn);
        Assert.Equal(1, azurite.MostWritesInATurn);
        Assert.Equal(7, (await chat.Stored()).WithPrefix<PlanSectionRecord>(PlanSectionRecord.Prefix).Count());
    }
}
