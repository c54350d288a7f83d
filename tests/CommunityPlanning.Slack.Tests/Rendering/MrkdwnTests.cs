using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain *bold* _it_", "plain *bold* _it_")]
    public void Escape_SpecialCharacters_BecomeEntities(string text, string expected)
    {
        Assert.Equal(expected, Mrkdwn.Escape(text));
        Assert.Equal(text, Mrkdwn.Unescape(expected));
    }

    [Fact]
    public void EscapeFit_LongText_FitsWithEllipsis()
    {
        var fitted = Mrkdwn.EscapeFit(new string('<', 100), 75);

        Assert.True(fitted.Length <= 75);
        Assert.EndsWith("…", fitted);
        Assert.DoesNotContain("&l…", fitted);
    }

    [Fact]
    public void SplitEscaped_NeverCutsAnEntityOrMention()
    {
        var text = string.Concat(Enumerable.Repeat("<@U123ABC>&amp;", 400));

        var pieces = Mrkdwn.SplitEscaped(text, 100);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.Matches("^(<@U123ABC>|&amp;)+$", p));
    }
}
