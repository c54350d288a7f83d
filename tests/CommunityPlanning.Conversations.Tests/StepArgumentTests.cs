using CommunityPlanning.Conversations.Tests.Support;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests;

public sealed class StepArgumentTests
{
    [Theory]
    [InlineData("step 12", "Try \"step 4\"")]
    [InlineData("checklist 0", "Try \"checklist 4\"")]
    [InlineData("summary step 99", "Try \"summary step 4\"")]
    [InlineData("reopen step 10", "For example: \"reopen step 3\"")]
    public async Task Command_StepOutsideOneToNine_ExplainsTheNumbering(string text, string hint)
    {
        using var chat = new ScriptedConversation();
        await chat.StartPlan();
        (await chat.Send(Ann, text)).AssertReply("Steps are numbered 1 to 9.").AssertReply(hint);
    }

    [Theory]
    [InlineData("step 4")]
    [InlineData("checklist")]
    [InlineData("summary step 2")]
    public async Task Command_NoPlanYet_AsksToStartFirst(string text)
    {
        using var chat = new ScriptedConversation();
        (await chat.Send(Ann, text)).AssertReply("Type \"start\" to begin");
    }
}
