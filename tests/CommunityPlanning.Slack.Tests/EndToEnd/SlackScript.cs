using System.Text.Json.Nodes;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Steps several Slack end-to-end tests share: starting a plan, reading what the bot posted.</summary>
internal static class SlackScript
{
    /// <summary>"/plan help", the "Start our plan" button, and the start form submitted in its modal.</summary>
    public static async Task StartPlanAsync(this SlackBotHost host, string channel)
    {
        await host.PostCommandAsync(Payloads.Command(channel, "help"));
        var help = await host.Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains("Start our plan", StringComparison.Ordinal));
        var button = Buttons(help).Single(b => b["text"]!["text"]!.GetValue<string>() == "Start our plan");
        var click = Payloads.ButtonClick(channel, help.Response["ts"]!.GetValue<string>(), help.Body["blocks"]!.AsArray(), button);
        await host.PostInteractionAsync(click);
        var trigger = click["trigger_id"]!.GetValue<string>();
        var open = await host.Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == trigger);
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue("Little Wittering"),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };
        await host.PostInteractionAsync(Payloads.ViewSubmission(open.Body["view"]!.AsObject(), values));
        await host.Slack.WaitForAsync("chat.postMessage", c => ChannelOf(c) == channel && c.Body.ToJsonString().Contains("plan has started", StringComparison.Ordinal));
    }

    public static string? ChannelOf(RecordedCall call) => call.Body["channel"]?.GetValue<string>();

    public static IEnumerable<JsonObject> Buttons(RecordedCall call) =>
        call.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!.AsObject());
}
