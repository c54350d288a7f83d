using CommunityPlanning.Slack.Rendering;

namespace CommunityPlanning.Slack.Tests.Rendering;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("plain *bold* _it_", "plain \u200B*\u200Bbold\u200B*\u200B \u200B_\u200Bit\u200B_\u200B")]
    public void Escape_SpecialCharacters_BecomeEntities(string text, string expected)
    {
        Assert.Equal(expected, Mrkdwn.Escape(text));
        Assert.Equal(text, Mrkdwn.Unescape(expected));
    }

    [Theory]
    [InlineData("*bold*")]
    [InlineData("_italic_")]
    [InlineData("~struck~")]
    [InlineData("`code`")]
    [InlineData("```block```")]
    [InlineData("*_~`all`~_*")]
    [InlineData("x*y_z~w`v")]
    public void Escape_FormattingCharacters_AreFencedByZeroWidthSpaces(string text)
    {
        var escaped = Mrkdwn.Escape(text);

        Assert.True(FormattingIsFenced(escaped), escaped);
        Assert.Equal(text, escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void EscapeFit_FormattingCharacters_CountTheirFences()
    {
        var fitted = Mrkdwn.EscapeFit(new string('*', 100), 75);

        Assert.True(fitted.Length <= 75);
        Assert.True(FormattingIsFenced(fitted.TrimEnd('…')), fitted);
    }

    /// <summary>True when every * _ ~ ` has a zero-width space on both sides.</summary>
    internal static bool FormattingIsFenced(string mrkdwn)
    {
        for (var i = 0; i < mrkdwn.Length; i++)
        {
            if (mrkdwn[i] is '*' or '_' or '~' or '`'
                && (i == 0 || mrkdwn[i - 1] != '\u200B' || i == mrkdwn.Length - 1 || mrkdwn[i + 1] != '\u200B'))
            {
                return false;
            }
        }

        return true;
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
