using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Conversations.Proactive;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Domain.Members;
using CommunityPlanning.Domain.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Reaching a Slack group later, and answering where the bot is not a member.</summary>
public sealed class SlackProactiveTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Turn_StoresTheConversationReference_WhichTheMessengerUses()
    {
        await _host.PostEventAsync(Payloads.Mention("C10", "help", "EvRef"));
        await _host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "C10");
        var state = await _host.Services.GetRequiredService<IGroupStore>().LoadAsync(SlackBotHost.GroupId("C10"));
        var reference = state.Find<ConversationReferenceRecord>(ConversationReferenceRecord.Kind)!;
        var messenger = _host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves("slack"));

        var result = await messenger.SendToGroupAsync(reference, Reply.Say("Reminder: the hall is booked for Fri 14 Mar 2025."));

        Assert.Equal("slack", reference.Channel);
        Assert.Equal(new Dictionary<string, string> { ["teamId"] = "T1", ["channelId"] = "C10" }, reference.Address);
        Assert.Equal(ProactiveResult.Sent, result);
        await _host.Slack.WaitForAsync("chat.postMessage", c => c.Body["text"]?.GetValue<string>()?.StartsWith("Reminder", StringComparison.Ordinal) == true && c.Body["channel"]!.GetValue<string>() == "C10");
    }

    [Fact]
    public async Task GroupRenderer_RendersOutboxRowsThatPostInTheGroupsChannel()
    {
        var messenger = _host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves("slack"));
        var reference = new ConversationReferenceRecord("slack", new Dictionary<string, string> { ["teamId"] = "T1", ["channelId"] = "C12" });
        var renderer = messenger.GroupRenderer(reference)!;
        var channel = _host.Services.GetServices<IOutboundChannel>().Single(c => c.Serves(renderer.Channel));

        var message = Assert.Single(renderer.Render(new PlannedReply(Reply.Say("Here are the minutes."), DeliveryAction.Post)));
        var result = await channel.DeliverAsync(message);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        await _host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "C12" && c.Body["text"]?.GetValue<string>() == "Here are the minutes.");
        Assert.Null(messenger.GroupRenderer(new ConversationReferenceRecord("slack", new Dictionary<string, string> { ["teamId"] = "T1" })));
    }

    [Fact]
    public async Task SendToMemberAsync_OpensADirectMessage()
    {
        var messenger = _host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves("slack"));
        var reference = new ConversationReferenceRecord("slack", new Dictionary<string, string> { ["teamId"] = "T1", ["channelId"] = "C11" });

        var result = await messenger.SendToMemberAsync(reference, new MemberRef("U2", "Sam"), Reply.Say("Your action is due tomorrow."));

        Assert.Equal(ProactiveResult.Sent, result);
        var open = await _host.Slack.WaitForAsync("conversations.open");
        Assert.Equal("U2", open.Body["users"]!.GetValue<string>());
        await _host.Slack.WaitForAsync("chat.postMessage", c => c.Body["channel"]?.GetValue<string>() == "DU2");
    }

    [Fact]
    public async Task SendToGroupAsync_ChannelGone_IsUnreachable()
    {
        _host.Slack.Override = (method, _) => method == "chat.postMessage" ? TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" }) : null;
        var messenger = _host.Services.GetServices<IProactiveMessenger>().Single(m => m.Serves("slack"));
        var reference = new ConversationReferenceRecord("slack", new Dictionary<string, string> { ["teamId"] = "T1", ["channelId"] = "C12" });

        Assert.Equal(ProactiveResult.RecipientUnreachable, await messenger.SendToGroupAsync(reference, Reply.Say("Hello")));
    }

    [Fact]
    public async Task Command_InChannelWithoutTheBot_AnswersThroughResponseUrl()
    {
        _host.Slack.Override = (method, _) => method == "chat.postMessage" ? TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "not_in_channel" }) : null;
        var command = Payloads.Command("C13", "help");
        command["response_url"] = new Uri(_host.Slack.BaseUrl, "response.hook").ToString();

        var response = await _host.PostCommandAsync(command);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hook = await _host.Slack.WaitForAsync("response.hook");
        Assert.Equal("in_channel", hook.Body["response_type"]!.GetValue<string>());
        Assert.Null(hook.Authorization);
        Assert.Contains("What I can do", hook.Body["blocks"]!.ToJsonString());
    }
}
