using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Cards;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveCardRendererOverflowTests
{
    [Fact]
    public void Render_MoreThanThreeActions_PutsTheRestInTheOverflowMenu()
    {
        var data = new Dictionary<string, string> { ["g"] = "group" };
        var card = new Card
        {
            Title = "Step 3",
            Actions = Enumerable.Range(1, 8).Select(i => new CardAction($"Form {i}", "form.show", data)).ToList(),
        };

        var actions = new AdaptiveCardRenderer().Render(card)["actions"]!.AsArray();

        Assert.Equal(8, actions.Count);
        Assert.All(actions.Take(3), a => Assert.Null(a!["mode"]));
        Assert.All(actions.Skip(3), a => Assert.Equal("secondary", a!["mode"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_ActionsFirst_PersonFacingButtonHasARowOfItsOwnUnderTheHeading()
    {
        var data = new Dictionary<string, string> { ["g"] = "group" };
        var card = new Card
        {
            Title = "Meeting",
            Subtitle = "Meeting in progress",
            ActionsFirst = true,
            Actions = new[] { "I'm here", "Record apologies", "Refresh", "End meeting" }.Select(t => new CardAction(t, "v", data)).ToList(),
        };

        var rendered = new AdaptiveCardRenderer().Render(card);
        var body = rendered["body"]!.AsArray();

        Assert.Null(rendered["actions"]);
        var first = body[2]!["actions"]!.AsArray();
        Assert.Equal("I'm here", Assert.Single(first)!["title"]!.GetValue<string>());
        var rest = body[3]!["actions"]!.AsArray();
        Assert.Equal(["Record apologies", "Refresh", "End meeting"], rest.Select(a => a!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Render_ThreeActions_AllShowOnTheCard()
    {
        var data = new Dictionary<string, string> { ["g"] = "group" };
        var card = new Card { Title = "Help", Actions = Enumerable.Range(1, 3).Select(i => new CardAction($"B{i}", "v", data)).ToList() };
        Assert.All(new AdaptiveCardRenderer().Render(card)["actions"]!.AsArray(), a => Assert.Null(a!["mode"]));
    }
}

public sealed class AdaptiveCardRendererLinkTests
{
    [Fact]
    public void Render_LinkAction_IsAnOpenUrlWithTheUrlUnescaped()
    {
        var url = new Uri("https://bot.example.org/minutes/g/m.md?expires=1&sig=a_b-c");
        var card = new Card { Title = "Minutes", Actions = [CardAction.Link("Download (Markdown)", url)] };

        var action = new AdaptiveCardRenderer().Render(card)["actions"]![0]!;

        Assert.Equal("Action.OpenUrl", action["type"]!.GetValue<string>());
        Assert.Equal(url.AbsoluteUri, action["url"]!.GetValue<string>());
        Assert.Null(action["data"]);
    }
}
