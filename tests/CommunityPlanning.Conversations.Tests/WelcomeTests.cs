using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Conversations.Turns;
using static CommunityPlanning.Conversations.Tests.Support.ScriptedConversation;

namespace CommunityPlanning.Conversations.Tests;

public sealed class WelcomeTests
{
    [Fact]
    public async Task BotAdded_InAGroup_OffersToStartThePlan()
    {
        using var chat = new ScriptedConversation();
        var replies = await chat.Run(new Turn { Kind = TurnKind.BotAdded, Conversation = chat.Key, From = Ann });
        replies.AssertReply("Hello, I'm PlanBot").AssertReply("Start our plan");
    }

    [Fact]
    public async Task BotAdded_InAPersonalChat_ExplainsRemindersInsteadOfStartingAPlan()
    {
        using var chat = new ScriptedConversation();
        var replies = await chat.Run(new Turn { Kind = TurnKind.BotAdded, Conversation = chat.Key, From = Ann, IsPersonal = true });
        replies.AssertReply("I'll send you reminders here").AssertReply("my actions").AssertNoReply("Start our plan");
    }
}
