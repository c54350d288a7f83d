using CommunityPlanning.Conversations.Actions;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Actions;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

/// <summary>Owners named as Slack mentions in action lists and text replies, with everything else escaped.</summary>
public sealed class BlockKitOwnerMentionTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);
    private static readonly MemberRef Ann = new("U1ANN", "Ann");

    [Fact]
    public void RenderReply_ActionListOwnedByASlackMember_HeadsTheirActionsWithAMention()
    {
        var card = ActionCards.List([Action(1, "Book the hall", new MemberRef("U2SAM", "Sam *Jones*")), Action(2, "Print <flyers>", new MemberRef("29:teams-kim", "Kim _K_ <b>"))], Today);

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;
        BlockKitAssert.ValidMessage(blocks);

        var texts = blocks.Where(b => b!["type"]!.GetValue<string>() == "section" && b["text"] is not null).Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("*<@U2SAM>*", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Sam", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Kim", StringComparison.Ordinal) && t.Contains("&lt;b&gt;", StringComparison.Ordinal) && !t.Contains("<b>", StringComparison.Ordinal));
        var fields = blocks.Where(b => b!["fields"] is not null).SelectMany(b => b!["fields"]!.AsArray()).Select(f => f!["text"]!.GetValue<string>());
        Assert.Contains(fields, f => f.Contains("Print &lt;flyers&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderReply_OwnerChangedReply_NamesTheSlackOwnersAsMentionsAndEscapesTheRest()
    {
        var reply = new Reply
        {
            Text = $"Action 3 is now {MentionText.Token(0)}'s (it was {MentionText.Token(1)}'s) <!channel>",
            Mentions = [new MemberRef("U2SAM", "Sam"), new MemberRef("29:teams-kim", "Kim *K*")],
            NamesOnly = true,
        };

        var message = Assert.Single(BlockKitRenderer.RenderReply(reply));

        var text = message.Blocks[0]!["text"]!;
        Assert.Equal("mrkdwn", text["type"]!.GetValue<string>());
        Assert.Contains("is now <@U2SAM>'s", text["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("*K*", text["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static ActionItem Action(int id, string title, MemberRef owner) =>
        new ActionItem(id, title, 2, Ann, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero)) with { Owner = owner, Due = Today.AddDays(7) };
}
