using CommunityPlanning.Slack.Inbound;

namespace CommunityPlanning.Slack.Tests.Inbound;

public sealed class SlackTextTests
{
    private static readonly Dictionary<string, string> Names = new() { ["U2"] = "Sam Jones", ["U3"] = "Kim" };

    [Theory]
    [InlineData("<@UBOT> progress", "progress")]
    [InlineData("<@UBOT|planbot> checklist 4", "checklist 4")]
    [InlineData("action <@U2> book the hall", "action Sam Jones book the hall")]
    [InlineData("ask <@U3|kim> &amp; <@U2>", "ask Kim & Sam Jones")]
    [InlineData("see <https://example.org/a?b=1|the survey> and <https://example.org>", "see the survey and https://example.org")]
    [InlineData("in <#C123|steering> tell <!here>", "in #steering tell @here")]
    [InlineData("a &lt;!channel&gt; b", "a <!channel> b")]
    [InlineData("x \uE0000\uE001 y", "x 0 y")]
    public async Task ReadAsync_SlackMarkup_BecomesPlainText(string raw, string expected)
    {
        var text = await SlackText.ReadAsync(raw, "UBOT", (id, label) => ValueTask.FromResult(Names.GetValueOrDefault(id, label ?? id)));

        Assert.Equal(expected, text.Text);
    }

    [Theory]
    [InlineData("*Urgent*: ring _the_ hall", "Urgent: ring the hall")]
    [InlineData("~old~ `new` plan", "old new plan")]
    [InlineData("```\nbook it\n```", " \nbook it\n ")]
    [InlineData("&gt; can someone ring the hall?", "can someone ring the hall?")]
    [InlineData("keep snake_case_words and 2*3*4", "keep snake_case_words and 2*3*4")]
    [InlineData("*<@U2> ring the hall*", "<@U2> ring the hall")]
    public void StripFormatting_Mrkdwn_KeepsTheWords(string raw, string expected)
    {
        Assert.Equal(expected, SlackText.StripFormatting(raw));
    }

    [Fact]
    public async Task ReadAsync_Mentions_ListsOthersOnceInOrder()
    {
        var text = await SlackText.ReadAsync("<@UBOT> <@U3> and <@U2> and <@U3>", "UBOT", (id, _) => ValueTask.FromResult(Names[id]));

        Assert.Equal(["U3", "U2"], text.MentionIds);
    }
}
