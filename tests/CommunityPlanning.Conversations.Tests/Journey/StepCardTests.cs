using CommunityPlanning.Conversations.Tests.Support;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests.Journey;

public sealed class StepCardTests
{
    [Fact]
    public async Task WhereAreWe_NewPlan_ShowsStepOneWithFormsAndChecklist()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        var replies = (await chat.Send(Ann, "where are we"))
            .AssertReply("Step 1: Getting started")
            .AssertReply("Checklist: 0 of 7 ticked")
            .AssertNoReply("Nothing yet")
            .AssertReply("Still to do");

        Assert.Equal(["Open checklist", "Forms", "Ask me questions", "Summary"], replies.Card.Actions.Select(a => a.Title));
        Assert.DoesNotContain("☐", replies.Text, StringComparison.Ordinal);
        (await chat.Press(Ann, "Forms")).AssertReply("Step 1: forms").AssertReply("Launch event: Not started");
        Assert.Contains(chat.LastCard!.Actions, a => a.Title == "Volunteers");
    }

    [Theory]
    [InlineData("step 4", "Step 4: Understanding your community")]
    [InlineData("Step 9", "Step 9: Reviewing your plan")]
    [InlineData("next step", "Step 2: Establishing the steering group")]
    public async Task StepCommand_Number_ShowsThatStep(string text, string expected)
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Bob, text)).AssertReply(expected);
    }

    [Fact]
    public async Task StepCommand_OutOfRange_SaysStepsRunOneToNine()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "step 12")).AssertReply("Steps are numbered 1 to 9");
    }

    [Fact]
    public async Task Progress_StillWorks_AndShowsForms()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "progress")).AssertReply("0 of 4 forms").AssertReply("Next thing to do");
    }

    [Fact]
    public async Task StepCommand_NoPlan_AsksToStart()
    {
        using var chat = new ScriptedConversation();

        (await chat.Send(Ann, "where are we")).AssertReply("hasn't started its plan");
    }

    [Fact]
    public async Task NeighbourhoodPlan_Step6_HasStatutoryForm()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(Domain.Plans.PlanType.NeighbourhoodPlan);

        (await chat.Send(Ann, "step 6")).AssertReply("Regulation 14");
        using var other = new ScriptedConversation(conversation: "other");
        await other.StartPlan();
        (await other.Send(Ann, "step 6")).AssertNoReply("Regulation 14");
    }

    [Fact]
    public async Task StepCard_ShowMore_HoldsEveryOutputAndPitfall()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        var replies = (await chat.Send(Ann, "step 4")).AssertReply("[Show more]");

        var step = Domain.Steps.StepCatalogue.Get(4);
        Assert.All(step.Pitfalls.Concat(step.Outputs), p => replies.AssertReply(p));
    }

    [Fact]
    public async Task ShowMoreButton_WhereCardsCannotFold_AnswersPrivatelyWithEveryPitfall()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        var more = (await chat.Send(Ann, "step 2")).Card.Blocks.OfType<Conversations.Cards.MoreBlock>().Single();

        var replies = (await chat.Submit(Bob, more.Verb, more.Data))
            .AssertMode(Conversations.Turns.ReplyMode.Private)
            .AssertReply("What this step produces");

        Assert.All(Domain.Steps.StepCatalogue.Get(2).Pitfalls, p => replies.AssertReply(p));
    }

    [Theory]
    [InlineData("what is regulation 14", "Regulation 14: The first formal chance")]
    [InlineData("what does SEA mean", "SEA: Strategic Environmental Assessment")]
    [InlineData("explain basic conditions", "Basic conditions: The tests")]
    [InlineData("What's RAG?", "RAG: Red, amber and green")]
    [InlineData("what are stakeholders", "Stakeholders: People and groups")]
    public async Task Glossary_AskedInAnyOfThreeWays_ExplainsInPlainWords(string text, string expected)
    {
        using var chat = new ScriptedConversation();

        (await chat.Send(Ann, text)).AssertReply(expected).AssertReply("where are we");
    }

    [Fact]
    public async Task Glossary_UnknownWord_SaysSoAndSuggestsSome()
    {
        using var chat = new ScriptedConversation();

        (await chat.Send(Ann, "what is a flux capacitor")).AssertReply("I don't have \"flux capacitor\"").AssertReply("what is SEA");
    }

    [Fact]
    public async Task Glossary_WhatsNext_StillShowsTheNextStep()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();

        (await chat.Send(Ann, "what's next")).AssertReply("Step 2").AssertNoReply("word list");
    }

    [Fact]
    public async Task StepCard_NeighbourhoodPlanStep6_NamesTheHardWordsItUses()
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan(Domain.Plans.PlanType.NeighbourhoodPlan);

        (await chat.Send(Ann, "step 6")).AssertReply("Words used here:").AssertReply("SEA").AssertReply("Type \"what is");
    }
}
