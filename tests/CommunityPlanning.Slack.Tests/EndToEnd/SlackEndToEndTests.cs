using System.Net;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Rendering;
using CommunityPlanning.Slack.Tests.Rendering;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Slack requests through Kestrel, the pipeline and Azurite, answered on a fake Slack Web API.</summary>
public sealed class SlackEndToEndTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    private FakeSlackApi Slack => _host.Slack;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Events_UrlVerification_ReturnsChallenge()
    {
        var response = await _host.PostEventAsync(new JsonObject { ["type"] = "url_verification", ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_MentionProgress_PostsProgressCardWithValidBlocks()
    {
        await StartPlanAsync("C100");

        var response = await _host.PostEventAsync(Payloads.Mention("C100", "progress", "Ev100"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C100" && Header(c).EndsWith(": progress", StringComparison.Ordinal));
        Assert.Equal("Bearer xoxb-test-token", post.Authorization);
        Assert.Equal("Little Wittering: progress", Header(post));
        BlockKitAssert.ValidMessage(post.Body["blocks"]!.AsArray());
        Assert.Contains("Step 1 checklist", post.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task Interactions_ChecklistTick_UpdatesTheMessageWithTheTick()
    {
        await StartPlanAsync("C200");
        await _host.PostEventAsync(Payloads.Mention("C200", "checklist", "Ev200"));
        var card = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C200" && Header(c).StartsWith("Step 1", StringComparison.Ordinal));
        var blocks = card.Body["blocks"]!.AsArray();
        BlockKitAssert.ValidMessage(blocks);
        var checklist = blocks.Select(b => b!.AsObject()).First(b => b["elements"]?[0]?["type"]?.GetValue<string>() == "checkboxes");
        var first = checklist["elements"]![0]!["options"]![0]!.AsObject();
        var ts = card.Response["ts"]!.GetValue<string>();

        var response = await _host.PostInteractionAsync(Payloads.CheckboxChange("C200", ts, blocks, checklist, [first]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await Slack.WaitForAsync("chat.update", c => Channel(c) == "C200");
        Assert.Equal(ts, update.Body["ts"]!.GetValue<string>());
        BlockKitAssert.ValidMessage(update.Body["blocks"]!.AsArray());
        var ticked = update.Body["blocks"]!.AsArray().Select(b => b!["elements"]?[0]).First(e => e?["type"]?.GetValue<string>() == "checkboxes")!;
        var initial = Assert.Single(ticked["initial_options"]!.AsArray());
        Assert.Equal(first["value"]!.GetValue<string>(), initial!["value"]!.GetValue<string>());
        Assert.Contains("Ticked by Alex Smith", initial["description"]!["text"]!.GetValue<string>());
        Assert.Contains("1 of 7 done", update.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task Events_TypedDecision_UpdatesTheMeetingCardInPlace()
    {
        await StartPlanAsync("C250");
        await _host.PostEventAsync(Payloads.Mention("C250", "meeting start", "Ev250"));
        var card = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C250" && c.Body["blocks"]!.ToJsonString().Contains("Meeting in progress", StringComparison.Ordinal));
        var ts = card.Response["ts"]!.GetValue<string>();

        await _host.PostEventAsync(Payloads.Mention("C250", "decision hold the launch on 12 April", "Ev251"));

        var update = await Slack.WaitForAsync("chat.update", c => Channel(c) == "C250");
        Assert.Equal(ts, update.Body["ts"]!.GetValue<string>());
        Assert.Contains("hold the launch on 12 April", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        BlockKitAssert.ValidMessage(update.Body["blocks"]!.AsArray());
        await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C250" && c.Body.ToJsonString().Contains("Decision recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactions_FormButton_OpensModalWithTheTrigger()
    {
        var (view, trigger) = await OpenStartFormAsync("C300");

        Assert.StartsWith("trig-", trigger);
        BlockKitAssert.ValidModal(view);
        var inputs = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!["block_id"]!.GetValue<string>());
        Assert.Equal(["communityName", "planType"], inputs);
        Assert.Equal("Start the plan", view["submit"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactions_ModalWithOverlongName_AnswersResponseActionErrors()
    {
        var (view, _) = await OpenStartFormAsync("C400");
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue(new string('x', 81)),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };

        var response = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        var errors = body["errors"]!.AsObject();
        Assert.Equal(["communityName"], errors.Select(e => e.Key));
        Assert.Contains("81 characters", errors["communityName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactions_ValidModal_ClosesItAndPostsTheNewPlan()
    {
        var (view, _) = await OpenStartFormAsync("C450");
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue("Little Wittering"),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };

        var response = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var post = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C450" && Header(c) == "Little Wittering's plan has started");
        BlockKitAssert.ValidMessage(post.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Commands_PlanHelp_IsAnsweredInTheChannel()
    {
        var response = await _host.PostCommandAsync(Payloads.Command("C500", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var post = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C500");
        Assert.Equal("What I can do", Header(post));
        BlockKitAssert.ValidMessage(post.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Commands_PlanStart_OpensTheFormAsAModal()
    {
        var command = Payloads.Command("C550", "start");

        await _host.PostCommandAsync(command);

        var open = await Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == command["trigger_id"]);
        BlockKitAssert.ValidModal(open.Body["view"]!.AsObject());
    }

    [Fact]
    public async Task Events_MentionStart_PostsFormLinkThatOpensTheModal()
    {
        await _host.PostEventAsync(Payloads.Mention("C560", "start", "Ev560"));
        var link = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C560");
        var button = Buttons(link).Single();
        Assert.Equal(BlockKitRenderer.FormButtonText, button["text"]!["text"]!.GetValue<string>());

        var click = Payloads.ButtonClick("C560", link.Response["ts"]!.GetValue<string>(), link.Body["blocks"]!.AsArray(), button);
        await _host.PostInteractionAsync(click);

        var open = await Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == click["trigger_id"]!.GetValue<string>());
        BlockKitAssert.ValidModal(open.Body["view"]!.AsObject());
    }

    [Fact]
    public async Task Events_RetriedEvent_IsProcessedOnce()
    {
        var first = await _host.PostEventAsync(Payloads.Mention("C600", "progress", "Ev600"));
        var retry = await _host.PostEventAsync(Payloads.Mention("C600", "progress", "Ev600"), r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });

        // A later event in the same channel is handled after both, in order.
        await _host.PostEventAsync(Payloads.Mention("C600", "help", "Ev601"));
        await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C600" && Header(c) == "What I can do");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("1", retry.Headers.GetValues("X-Slack-No-Retry").Single());
        var answers = Slack.Calls("chat.postMessage").Where(c => Channel(c) == "C600").ToList();
        Assert.Equal(2, answers.Count);
        Assert.Contains("hasn't started its plan", answers[0].Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_TextWithChannelMarkup_IsEscapedInTheReply()
    {
        await _host.PostEventAsync(Payloads.Mention("C700", "tell &lt;!channel&gt; &amp; everyone", "Ev700"));

        var post = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C700");
        var json = post.Body["blocks"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        // Blocks show it as plain_text (literal in Slack); the notification text is escaped mrkdwn.
        Assert.Contains(BlockKitRendererTests.PlainTexts(post.Body["blocks"]), t => t.Contains("tell <!channel> & everyone", StringComparison.Ordinal));
        Assert.DoesNotContain("\"mrkdwn\"", json);
        Assert.Contains("tell &lt;!channel&gt; &amp; everyone", post.Body["text"]!.GetValue<string>());
        Assert.DoesNotContain("<!channel>", post.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_MentionOfSomeoneElse_IsReadAsTheirName()
    {
        await _host.PostEventAsync(Payloads.DirectMessage("D800", "checklist for <@U2>", "Ev800"));

        var post = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "D800");
        Assert.Contains("checklist for Sam Jones", post.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task Events_BotsOwnMessage_IsIgnored()
    {
        var own = Payloads.DirectMessage("D900", "progress", "Ev900", user: FakeSlackApi.BotUserId);
        var edited = Payloads.DirectMessage("D900", "progress", "Ev901");
        edited["event"]!["subtype"] = "message_changed";

        await _host.PostEventAsync(own);
        await _host.PostEventAsync(edited);
        await _host.PostEventAsync(Payloads.DirectMessage("D900", "help", "Ev902"));
        await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "D900");

        var answer = Assert.Single(Slack.Calls("chat.postMessage"), c => Channel(c) == "D900");
        Assert.Equal("What I can do", Header(answer));
    }

    [Fact]
    public async Task Worker_PostFailsOnce_ReplyDeliveredFromTheOutboxOnce()
    {
        var failed = 0;
        Slack.Override = (method, body) => method == "chat.postMessage" && body["channel"]?.GetValue<string>() == "C950" && Interlocked.Increment(ref failed) == 1
            ? Microsoft.AspNetCore.Http.TypedResults.Json(new JsonObject { ["ok"] = false, ["error"] = "internal_error" })
            : null;

        await _host.PostEventAsync(Payloads.Mention("C950", "help", "Ev950"));

        // The turn was saved; its reply waits in the outbox and the dispatcher sends it after the backoff.
        await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == "C950" && Header(c) == "What I can do" && c.Response["ok"]!.GetValue<bool>());
        Assert.Equal(2, Slack.Calls("chat.postMessage").Count(c => Channel(c) == "C950"));
        Assert.DoesNotContain(Slack.Calls("chat.postEphemeral"), c => Channel(c) == "C950");
    }

    private async Task StartPlanAsync(string channel)
    {
        var (view, _) = await OpenStartFormAsync(channel);
        var values = new JsonObject
        {
            ["communityName"] = Payloads.TextValue("Little Wittering"),
            ["planType"] = Payloads.SelectValue("CommunityLedPlan"),
        };
        var response = await _host.PostInteractionAsync(Payloads.ViewSubmission(view, values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == channel && Header(c) == "Little Wittering's plan has started");
    }

    // "help" with no plan yet shows a "Start our plan" button; clicking it opens the start form.
    private async Task<(JsonObject View, string Trigger)> OpenStartFormAsync(string channel)
    {
        await _host.PostCommandAsync(Payloads.Command(channel, "help"));
        var help = await Slack.WaitForAsync("chat.postMessage", c => Channel(c) == channel && Header(c) == "What I can do");
        var button = Buttons(help).Single(b => b["text"]!["text"]!.GetValue<string>() == "Start our plan");
        var click = Payloads.ButtonClick(channel, help.Response["ts"]!.GetValue<string>(), help.Body["blocks"]!.AsArray(), button);
        var response = await _host.PostInteractionAsync(click);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trigger = click["trigger_id"]!.GetValue<string>();
        var open = await Slack.WaitForAsync("views.open", c => c.Body["trigger_id"]!.GetValue<string>() == trigger);
        return (open.Body["view"]!.AsObject(), trigger);
    }

    private static string? Channel(RecordedCall call) => call.Body["channel"]?.GetValue<string>();

    private static string Header(RecordedCall call) =>
        call.Body["blocks"]?.AsArray().FirstOrDefault(b => b!["type"]!.GetValue<string>() == "header")?["text"]!["text"]!.GetValue<string>() ?? string.Empty;

    private static IEnumerable<JsonObject> Buttons(RecordedCall call) =>
        call.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!.AsObject())
            .Where(e => e["type"]!.GetValue<string>() == "button");
}
