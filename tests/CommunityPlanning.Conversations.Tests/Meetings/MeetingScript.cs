using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Meetings;
using CommunityPlanning.Conversations.Tests.Support;
using CommunityPlanning.Domain.Meetings;
using CommunityPlanning.Domain.Members;

namespace CommunityPlanning.Conversations.Tests.Meetings;

/// <summary>Meeting helpers over the scripted conversation: press the meeting card's buttons and ticks.</summary>
internal static class MeetingScript
{
    public static Card MeetingCardOf(Replies replies) =>
        replies.Select(r => r.Card).LastOrDefault(c => c is not null && c.Title.EndsWith("meeting", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException("No meeting card in:\n" + replies.Text);

    public static CardAction Button(Card card, string title) => Replies.Button(card, title);

    public static CardAction Tick(Card card, string itemId, bool done = true)
    {
        var block = card.Blocks.OfType<ChecklistBlock>().Single();
        var data = new Dictionary<string, string>(block.Data) { [ChecklistBlock.ItemKey] = itemId, [ChecklistBlock.DoneKey] = done ? "true" : "false" };
        return new CardAction("tick", block.Verb, data);
    }

    public static string Facts(Card card) =>
        string.Join("\n", card.Blocks.OfType<FactsBlock>().SelectMany(f => f.Facts).Select(f => $"{f.Label}: {f.Value}"));

    public static async Task<Card> StartMeeting(this ScriptedConversation chat, MemberRef by)
    {
        var replies = await chat.Send(by, "meeting start");
        replies.AssertReply("Meeting started");
        return MeetingCardOf(replies);
    }

    public static async Task<MeetingRecord> OpenMeeting(this ScriptedConversation chat) =>
        (await chat.Stored()).OpenMeeting() ?? throw new Xunit.Sdk.XunitException("No meeting open.");
}
