using System.Text.Json.Nodes;
using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveInvokeResponsesTests
{
    [Fact]
    public void Card_RenderedCard_WrapsItAsAdaptiveCardResponse()
    {
        var card = new AdaptiveCardRenderer().Render(SampleCards.Help());

        var response = AdaptiveInvokeResponses.Card(card);

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        Assert.Same(card, response["value"]);
    }

    [Fact]
    public void Card_CardAlreadyInAnotherObject_IsCopied()
    {
        var card = new AdaptiveCardRenderer().Render(SampleCards.Help());
        _ = new JsonObject { ["content"] = card };

        var response = AdaptiveInvokeResponses.Card(card);

        Assert.NotSame(card, response["value"]);
        Assert.True(JsonNode.DeepEquals(card, response["value"]));
    }

    [Fact]
    public void Message_Text_IsActivityMessageResponse()
    {
        var response = AdaptiveInvokeResponses.Message("Saved.");

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved."}""", response.ToJsonString());
    }

    [Fact]
    public void Error_BadRequest_IsErrorResponse()
    {
        var response = AdaptiveInvokeResponses.Error(400, "BadRequest", "That card is out of date.");

        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"That card is out of date."}}""",
            response.ToJsonString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void Error_NonErrorStatus_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveInvokeResponses.Error(status, "BadRequest", "x"));
    }
}
