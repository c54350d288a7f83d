using CommunityPlanning.Teams.Cards;

namespace CommunityPlanning.Teams.Tests.Cards;

public sealed class AdaptiveTextTests
{
    [Theory]
    [InlineData("Little Wittering", "Little Wittering")]
    [InlineData("", "")]
    [InlineData("**bold** and _italic_", "\\*\\*bold\\*\\* and \\_italic\\_")]
    [InlineData("[click](https://evil.example)", "\\[click](https://evil.example)")]
    [InlineData("![img](x)", "!\\[img](x)")]
    [InlineData("Well done, Sam Smith!", "Well done, Sam Smith!")]
    [InlineData("Little Wittering (Parish Plan)", "Little Wittering (Parish Plan)")]
    [InlineData("[PDF] no link", "[PDF] no link")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("a | b", "a | b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("C:\\*", "C:\\\\\\*")]
    public void Escape_InlineMarkdown_IsBackslashEscaped(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveText.Escape(text));
    }

    [Theory]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- bullet", "\\- bullet")]
    [InlineData("+ bullet", "\\+ bullet")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("* bullet", "\\* bullet")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("12) twelfth", "12\\) twelfth")]
    [InlineData("2025. A good year", "2025\\. A good year")]
    [InlineData("---", "\\---")]
    [InlineData("===", "\\===")]
    [InlineData("~~~", "\\~\\~\\~")]
    [InlineData("    indented code", "indented code")]
    public void Escape_LineStartMarkers_AreNeutralised(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveText.Escape(text));
    }

    [Theory]
    [InlineData("co-op", "co-op")]
    [InlineData("10-12 March", "10-12 March")]
    [InlineData("Item #3", "Item #3")]
    [InlineData("5 > 3", "5 > 3")]
    [InlineData("1+1", "1+1")]
    [InlineData("1.5 miles", "1.5 miles")]
    [InlineData("Fri 14 Mar 2025", "Fri 14 Mar 2025")]
    public void Escape_LineStartCharactersMidLine_AreLeftAlone(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveText.Escape(text));
    }

    [Fact]
    public void Escape_MarkersOnEveryLine_AreNeutralisedOnEachLine()
    {
        Assert.Equal("\\- one\n\n2\\. two\n\n\\# three", AdaptiveText.Escape("- one\r\n2. two\n# three"));
    }

    [Fact]
    public void Escape_SingleLineBreak_BecomesParagraphBreakSoItIsKept()
    {
        Assert.Equal("Line one\n\nLine two", AdaptiveText.Escape("Line one\nLine two"));
    }

    [Theory]
    [InlineData("{{DATE(2025-03-14T09:00:00Z, SHORT)}}")]
    [InlineData("{{TIME(2025-03-14T09:00:00Z)}}")]
    [InlineData("{{{{")]
    [InlineData("a {{{ b")]
    public void Escape_DoubleBraces_AreBrokenUp(string text)
    {
        var escaped = AdaptiveText.Escape(text);

        Assert.DoesNotContain("{{", escaped, StringComparison.Ordinal);
        Assert.Equal(text, escaped.Replace("\u200B", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Escape_SingleBraces_AreLeftAlone()
    {
        Assert.Equal("{name}", AdaptiveText.Escape("{name}"));
    }

    [Fact]
    public void Escape_MentionTag_IsNotLeftAsMarkup()
    {
        Assert.Equal("\\<at>Sam\\</at> said hi", AdaptiveText.Escape("<at>Sam</at> said hi"));
    }

    [Fact]
    public void Escape_Autolink_IsNotLeftAsMarkup()
    {
        Assert.Equal("\\<https://example.com>", AdaptiveText.Escape("<https://example.com>"));
    }

    [Fact]
    public void Escape_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AdaptiveText.Escape(null!));
    }
}
