using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Rights;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPlanning.Slack.Tests.EndToEnd.SlackScript;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// The data-rights commands through signed Slack requests: <c>/plan my data</c> answers only the person who
/// asked (an ephemeral message with a button), the button's link comes back ephemeral too, and
/// <c>/plan forget me</c> asks for confirmation privately. Nothing of it reaches the channel.
/// </summary>
public sealed class SlackDataRightsTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    public async Task InitializeAsync() =>
        _host = await SlackBotHost.StartAsync(services: s => s.AddSingleton<IRightsLinks, FixedLinks>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MyData_TypedAsSlashCommandAndButtonPressed_AnsweredEphemerallyWithTheSignedLink()
    {
        const string channel = "C1100";

        var response = await _host.PostCommandAsync(Payloads.Command(channel, "my data"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains("Get my data", StringComparison.Ordinal));
        Assert.Equal("U1", card.Body["user"]!.GetValue<string>());
        var button = Buttons(card).Single(b => b["text"]!["text"]!.GetValue<string>() == "Get my data");

        var press = await _host.PostInteractionAsync(EphemeralClick(channel, card, button));

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var link = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains(FixedLinks.Host, StringComparison.Ordinal));
        Assert.Equal("U1", link.Body["user"]!.GetValue<string>());
        Assert.Contains("/rights/mydata/", link.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => ChannelOf(c) == channel);
        Assert.DoesNotContain(Slack.Calls("chat.update"), c => ChannelOf(c) == channel);
    }

    [Fact]
    public async Task ForgetMe_TypedAsSlashCommand_AsksForConfirmationEphemerallyAndKeepMeAnswersPrivately()
    {
        const string channel = "C1110";

        var response = await _host.PostCommandAsync(Payloads.Command(channel, "forget me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains("Forget you everywhere?", StringComparison.Ordinal));
        Assert.Equal("U1", card.Body["user"]!.GetValue<string>());
        var titles = Buttons(card).Select(b => b["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Forget me", "Keep me"], titles);

        var keep = Buttons(card).Single(b => b["text"]!["text"]!.GetValue<string>() == "Keep me");
        await _host.PostInteractionAsync(EphemeralClick(channel, card, keep));

        var answer = await Slack.WaitForAsync("chat.postEphemeral", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains("forgotten nothing", StringComparison.Ordinal));
        Assert.Equal("U1", answer.Body["user"]!.GetValue<string>());
        Assert.DoesNotContain(Slack.Calls("chat.postMessage"), c => ChannelOf(c) == channel);
    }

    // A press on a button of an ephemeral message: Slack marks the container ephemeral and sends no "message".
    private static JsonObject EphemeralClick(string channel, RecordedCall card, JsonObject button)
    {
        var click = Payloads.ButtonClick(channel, card.Response["message_ts"]!.GetValue<string>(), card.Body["blocks"]!.AsArray(), button);
        click["container"]!["is_ephemeral"] = true;
        click.Remove("message");
        return click;
    }

    // The host's link signer lives in the Bot project; the Slack adapter only passes the link on.
    private sealed class FixedLinks : IRightsLinks
    {
        public const string Host = "links.example.test";

        public Uri? MyData(string personKey, DateTimeOffset now) => new($"https://{Host}/rights/mydata/{personKey}.json?sig=test");

        public Uri? Export(string groupId, DateTimeOffset now) => new($"https://{Host}/rights/export/{groupId}.zip?sig=test");
    }
}
