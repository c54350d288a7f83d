using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class BlockKitLinkTests
{
    [Fact]
    public void Render_LinkAction_IsAUrlButtonWithNoValue()
    {
        var url = new Uri("https://bot.example.org/minutes/g/m.md?expires=1&sig=a_b-c");
        var card = new Card { Title = "Minutes", Actions = [CardAction.Link("Download (Markdown)", url)] };

        var message = Assert.Single(BlockKitRenderer.RenderReply(new CommunityPlanning.Conversations.Turns.Reply { Card = card }));
        var json = message.Blocks.ToJsonString();

        Assert.Contains("\"url\":\"https://bot.example.org/minutes/g/m.md?expires=1\\u0026sig=a_b-c\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("link.open", json, StringComparison.Ordinal);
    }
}
