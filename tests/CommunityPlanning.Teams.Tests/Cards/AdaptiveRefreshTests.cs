using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveRefreshTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    [Fact]
    public void Render_WithoutRefresh_HasNoRefresh()
    {
        var rendered = _renderer.Render(SampleCards.Checklist());

        Assert.Null(rendered["refresh"]);
    }

    [Fact]
    public void Render_WithRefresh_AddsAutomaticExecuteForTheNamedPeople()
    {
        var refresh = new AdaptiveRefresh("priorities.mine", SampleCards.Data(("round", "1")), ["29:sam", "29:ann"]);

        var rendered = _renderer.Render(SampleCards.Checklist(), refresh);

        var node = rendered["refresh"]!;
        Assert.Equal("Action.Execute", (string?)node["action"]!["type"]);
        Assert.Equal("priorities.mine", (string?)node["action"]!["verb"]);
        Assert.Equal("priorities.mine", (string?)node["action"]!["data"]![AdaptiveCardData.VerbKey]);
        Assert.Equal(SampleCards.Group, (string?)node["action"]!["data"]![AdaptiveCardData.DataKey]!["g"]);
        Assert.Equal(["29:sam", "29:ann"], node["userIds"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(_renderer.Render(SampleCards.Checklist())["body"]!.ToJsonString(), rendered["body"]!.ToJsonString());
    }

    [Fact]
    public void Render_RefreshForTooManyPeople_Throws()
    {
        var people = Enumerable.Range(0, AdaptiveRefresh.MaxUserIds + 1).Select(i => $"29:{i}").ToList();

        Assert.Throws<ArgumentException>(() => _renderer.Render(SampleCards.Checklist(), new AdaptiveRefresh("v", SampleCards.Data(), people)));
    }

    [Fact]
    public void Render_RefreshForNobody_Throws()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render(SampleCards.Checklist(), new AdaptiveRefresh("v", SampleCards.Data(), [])));
    }
}
