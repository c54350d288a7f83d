using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

/// <summary>Names, titles and answers full of Slack's formatting characters show exactly as typed.</summary>
public sealed class BlockKitUserTextTests
{
    private const string Name = "*Sam* _the_ ~boss~ `rm -rf` <!channel>";
    private const string Title = "**book** the _hall_ ~~now~~ ```x``` <!here> & <https://evil.example|click>";

    private static readonly IReadOnlyDictionary<string, string> Data = new Dictionary<string, string> { ["g"] = "slack-0123456789abcdef0123456789abcdef" };

    [Fact]
    public void RenderReply_CardFullOfFormattingCharacters_PlainTextVerbatimAndMrkdwnFenced()
    {
        var card = new Card
        {
            Title = $"Action 1: {Title}",
            Subtitle = $"Added by {Name}",
            Blocks =
            [
                new TextBlock($"New action for {Name}: {Title}"),
                new TextBlock($"{Name} isn't a member yet", TextTone.Warning),
                new TextBlock($"Ticked by {Name}", TextTone.Subtle),
                new TextBlock(Title, TextTone.Heading),
                new FactsBlock([new Fact("Owner", Name), new Fact("Decision", Title)]),
                new ChecklistBlock("checklist.set", Data, [new ChecklistEntry("a", Title, true, $"Ticked by {Name}")]),
            ],
            Actions = [new CardAction($"Add {Name}", "action.owner.add", Data)],
        };

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;

        BlockKitAssert.ValidMessage(blocks);
        var plain = BlockKitRendererTests.PlainTexts(blocks).ToList();
        Assert.Contains($"New action for {Name}: {Title}", plain);
        Assert.Contains($"⚠️ {Name} isn't a member yet", plain);
        Assert.Contains($"Ticked by {Name}", plain);
        var mrkdwn = BlockKitRendererTests.MrkdwnTexts(blocks).ToList();
        Assert.Equal(3, mrkdwn.Count);
        Assert.All(mrkdwn, t => Assert.DoesNotContain("<", t));
        Assert.Contains($"*{Mrkdwn.Escape(Title)}*", mrkdwn);
        Assert.Contains($"*Owner*\n{Mrkdwn.Escape(Name)}", mrkdwn);
        Assert.All(mrkdwn.Select(StripOwnBold), t => Assert.True(MrkdwnTests.FormattingIsFenced(t), t));
    }

    [Fact]
    public void RenderReply_TextWithAMention_StaysMrkdwnWithTheUsersTextFenced()
    {
        var reply = new Reply
        {
            Text = $"{MentionText.Token(0)} has {Title}",
            Mentions = [new MemberRef("U123ABC", Name)],
        };

        var message = Assert.Single(BlockKitRenderer.RenderReply(reply));

        var text = message.Blocks[0]!["text"]!;
        Assert.Equal("mrkdwn", text["type"]!.GetValue<string>());
        var mrkdwn = text["text"]!.GetValue<string>();
        Assert.StartsWith("<@U123ABC> has ", mrkdwn, StringComparison.Ordinal);
        var rest = mrkdwn["<@U123ABC>".Length..];
        Assert.DoesNotContain("<", rest);
        Assert.True(MrkdwnTests.FormattingIsFenced(rest), rest);
        Assert.Equal($" has {Title}", Mrkdwn.Unescape(rest));
    }

    [Fact]
    public void RenderReply_NameWithoutASlackId_MentionIsFencedToo()
    {
        var reply = new Reply { Text = $"Thanks {MentionText.Token(0)}", Mentions = [new MemberRef("29:teams-id", Name)] };

        var mrkdwn = Assert.Single(BlockKitRenderer.RenderReply(reply)).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        Assert.DoesNotContain("<", mrkdwn);
        Assert.True(MrkdwnTests.FormattingIsFenced(mrkdwn), mrkdwn);
    }

    [Fact]
    public void RenderModal_InputErrorAndTitle_ArePlainText()
    {
        var card = new Card
        {
            Title = Title,
            Blocks = [new InputBlock(new InputField("name", Name, Domain.Forms.FieldType.Text) { Error = $"{Name} is too long" })],
            Actions = [new CardAction("Save", "form.save", Data) { SubmitsInputs = true }],
        };

        var view = BlockKitRenderer.RenderModal(card, "C1", null);

        Assert.Empty(BlockKitRendererTests.MrkdwnTexts(view["blocks"]));
        Assert.Contains($"⚠️ {Name} is too long", BlockKitRendererTests.PlainTexts(view["blocks"]));
    }

    // The renderer's own bold markers around headings and labels are the only unfenced ones.
    private static string StripOwnBold(string mrkdwn)
    {
        var lines = mrkdwn.Split('\n').Select(l => l.Length >= 2 && l[0] == '*' && l[^1] == '*' ? l[1..^1] : l);
        return string.Join('\n', lines);
    }

    [Fact]
    public void RenderReply_FactLinkWithFormattingCharacters_LinkTextEscapedAndCannotBreakOut()
    {
        var card = new Card
        {
            Title = "Open actions",
            Blocks = [new FactsBlock([new Fact("Action 1: book", "No due date") { Link = new FactLink($"from a message by {Name}|x", new Uri("https://parish.slack.com/archives/C1/p1700000100000200")) }])],
        };

        var blocks = Assert.Single(BlockKitRenderer.RenderReply(Reply.Show(card))).Blocks;

        BlockKitAssert.ValidMessage(blocks);
        var field = blocks[^1]!["fields"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("*Action 1: book*\nNo due date · <https://parish.slack.com/archives/C1/p1700000100000200|from a message by ", field, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", field, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", field, StringComparison.Ordinal);
        Assert.Equal(1, field.Count(c => c == '|'));
    }
}
