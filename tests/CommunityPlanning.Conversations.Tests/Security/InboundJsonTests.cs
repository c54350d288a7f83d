using System.Text;
using CommunityPlanning.Conversations.Security;

namespace CommunityPlanning.Conversations.Tests.Security;

public sealed class InboundJsonTests
{
    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"caf\\u00e9 🙂\"}")]
    [InlineData("[1,2,{\"a\":null}]")]
    public void IsReadable_WellFormed_True(string json) =>
        Assert.True(InboundJson.IsReadable(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void IsReadable_InvalidUtf8InAString_False() =>
        Assert.False(InboundJson.IsReadable([(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']));

    [Fact]
    public void IsReadable_EscapedLoneSurrogate_False() =>
        Assert.False(InboundJson.IsReadable(Encoding.UTF8.GetBytes("{\"type\":\"\\uD800\"}")));

    [Fact]
    public void IsReadable_LoneSurrogateInAPropertyName_False() =>
        Assert.False(InboundJson.IsReadable(Encoding.UTF8.GetBytes("{\"\\uDC00\":1}")));

    [Fact]
    public void IsReadable_NestedPast64_False() =>
        Assert.False(InboundJson.IsReadable(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65))));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1}}")]
    public void IsReadable_Malformed_False(string json) =>
        Assert.False(InboundJson.IsReadable(Encoding.UTF8.GetBytes(json)));
}
