using CommunityPlanning.Conversations.Actions;

namespace CommunityPlanning.Conversations.Tests.Actions;

public sealed class MessageRequestTests
{
    [Theory]
    [InlineData("Could Sam ring the village hall by Friday?", "Sam ring the village hall by Friday")]
    [InlineData("Hi all, can someone please ring the village hall about the 14th?", "ring the village hall about the 14th")]
    [InlineData("Morning team! Would anyone book the hall", "book the hall")]
    [InlineData("please send the minutes", "send the minutes")]
    [InlineData("Canvass the high street on Saturday", "Canvass the high street on Saturday")]
    [InlineData("Hillside residents need a leaflet", "Hillside residents need a leaflet")]
    [InlineData("", "")]
    public void RequestOf_PoliteMessage_LeavesWhatIsAsked(string message, string expected)
    {
        Assert.Equal(expected, MessageActionCommand.RequestOf(message));
    }

    [Fact]
    public void QuoteOf_LongMessage_CutToTheQuoteLimitWithAnEllipsis()
    {
        var quote = MessageActionCommand.QuoteOf(new string('a', 400));

        Assert.Equal(MessageActionCommand.MaxQuote + 1, quote.Length);
        Assert.EndsWith("\u2026", quote, StringComparison.Ordinal);
    }
}
