using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityPlanning.Bot.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// The playground in a real browser: Microsoft's Web Chat on the page at /, talking to the host's
/// Direct Line endpoint, with the bot answering through the same code as in Teams. Two members of one
/// steering group, each in their own browser context. Screenshots go to artifacts/screenshots/.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [BrowserFact]
    public async Task TwoMembers_WorkThroughStepOne_AndShareTheGroupsState()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        await using var pat = await PlaygroundTab.OpenAsync(_browser, Site(host));
        await Expect(pat.Status).ToHaveTextAsync("You are Pat.");
        await pat.CardAsync(new Regex("Hello, I.m PlanBot"));
        await pat.ScreenshotAsync("01-welcome");

        await pat.SayAsync("help");
        await pat.CardAsync(new Regex("What I can do"));
        await pat.ScreenshotAsync("02-help");

        // The start form, first with an answer only the bot refuses (spaces), then properly.
        await pat.SayAsync("start");
        var form = await pat.CardAsync(new Regex("Start your plan"));
        await form.GetByLabel(new Regex("Which village, parish or town")).FillAsync("   ");
        await form.GetByLabel(new Regex("What kind of plan")).SelectOptionAsync(new SelectOptionValue { Value = "CommunityLedPlan" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        form = await pat.CardAsync(new Regex("Please check the answers marked below"));
        await Expect(pat.Cards(new Regex("Start your plan"))).ToHaveCountAsync(1);
        await pat.ScreenshotAsync("03-form-with-errors");

        await form.GetByLabel(new Regex("Which village, parish or town")).FillAsync("Little Wittering");
        await form.GetByLabel(new Regex("What kind of plan")).SelectOptionAsync(new SelectOptionValue { Value = "CommunityLedPlan" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        var started = await pat.CardAsync(new Regex("Little Wittering.s plan has started"));

        // Updated in place, as in Teams: the form is gone, the confirmation is where it was.
        await Expect(pat.Cards(new Regex("Start your plan"))).ToHaveCountAsync(0);
        await pat.ScreenshotAsync("04-plan-started");

        await started.GetByRole(AriaRole.Button, new() { Name = "Step 1 checklist" }).ClickAsync();
        var checklist = await pat.CardAsync(new Regex("Step 1: [\\s\\S]*Checklist · 0 of"));
        await ChecklistRows(checklist).First.ClickAsync();
        checklist = await pat.CardAsync(new Regex("Checklist · 1 of"));
        await Expect(checklist).ToContainTextAsync("Ticked by Pat");
        await Expect(pat.Cards(new Regex("Checklist · 0 of"))).ToHaveCountAsync(0);
        await pat.ScreenshotAsync("05-checklist-ticked");

        await pat.SayAsync("progress");
        var progress = await pat.CardAsync(new Regex("Little Wittering: progress"));
        await Expect(progress).ToContainTextAsync("Getting started");
        await pat.ScreenshotAsync("06-progress");

        // Sam, on another computer, picks "Sam" and sees the same group: Pat's tick is there.
        await using var sam = await PlaygroundTab.OpenAsync(_browser, Site(host));
        await Expect(sam.Status).ToHaveTextAsync("You are Pat.");
        await sam.Page.SelectOptionAsync("#member", "sam");
        await Expect(sam.Status).ToHaveTextAsync("You are Sam.");
        var samsChecklist = await sam.CardAsync(new Regex("Checklist · 1 of"), scrollToIt: true);
        await Expect(samsChecklist).ToContainTextAsync("Ticked by Pat");

        // Sam ticks the second item; Pat's checklist shows it without Pat doing anything.
        await ChecklistRows(samsChecklist).Nth(1).ClickAsync();
        await Expect(await sam.CardAsync(new Regex("Checklist · 2 of"), scrollToIt: true)).ToContainTextAsync("Ticked by Sam");
        await sam.SayAsync("progress");
        await sam.CardAsync(new Regex(@"Little Wittering: progress[\s\S]*\(2 of \d+ ticked"));
        await sam.ScreenshotAsync("07-sam-sees-the-group");

        // Pat's window shows Sam's messages too; once the last has arrived, scroll up to the checklist.
        await pat.CardAsync(new Regex(@"Little Wittering: progress[\s\S]*\(2 of \d+ ticked"));
        await Expect(await pat.CardAsync(new Regex("Checklist · 2 of"), scrollToIt: true)).ToContainTextAsync("Ticked by Sam");
        await pat.ScreenshotAsync("08-pat-sees-sams-tick");

        pat.AssertNoProblems();
        sam.AssertNoProblems();
    }

    [BrowserFact]
    public async Task ResetButton_ClearsTheDemoGroup_AndStartsAgain()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        await chat.SayAsync("start");
        var (formId, form) = await chat.CardAsync("Start your plan");
        await chat.SubmitAsync(formId, Data(form, "plan.create"), new() { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" });

        await using var pat = await PlaygroundTab.OpenAsync(_browser, Site(host));
        await pat.CardAsync(new Regex("Little Wittering.s plan has started"), scrollToIt: true);
        await pat.Page.GetByRole(AriaRole.Button, new() { Name = "Reset this demo group" }).ClickAsync();

        // The page reloads into a new conversation: only the welcome, and no plan.
        await Expect(pat.Cards(new Regex("plan has started"))).ToHaveCountAsync(0);
        await pat.CardAsync(new Regex("Hello, I.m PlanBot"));
        await pat.SayAsync("progress");
        await Expect(pat.Page.Locator("p").Filter(new() { HasTextRegex = new Regex("hasn.t started its plan") })).ToBeVisibleAsync();
        await pat.ScreenshotAsync("09-after-reset");
        pat.AssertNoProblems();
    }

    [BrowserFact]
    public async Task Page_WithoutTheWebChatBundle_SaysHowToFetchIt()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Playground:WebChatBundle"] = "/nonexistent/webchat.js" });

        await using var tab = await PlaygroundTab.OpenAsync(_browser, Site(host));

        await Expect(tab.Status).ToContainTextAsync("Run scripts/run.sh to fetch Web Chat");
        await Expect(tab.Page.Locator("#member")).ToBeDisabledAsync();
    }

    [BrowserFact]
    public async Task EveryKindOfCard_ParsesInWebChatsAdaptiveCardsRenderer_WithNoWarnings()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        var chat = await new DirectLineClient(host.Client).StartAsync();
        await chat.SayAsync("help");
        await chat.SayAsync("start");
        var (formId, form) = await chat.CardAsync("Start your plan");
        var create = Data(form, "plan.create");
        await chat.SubmitAsync(formId, create, new() { ["communityName"] = "  ", ["planType"] = "CommunityLedPlan" });
        await chat.CardAsync("Please check the answers marked below.");
        await chat.SubmitAsync(formId, create, new() { ["communityName"] = "Little Wittering", ["planType"] = "CommunityLedPlan" });
        var (startedId, started) = await chat.CardAsync("plan has started");
        await chat.SubmitAsync(startedId, Data(started, "checklist.show"));
        var (checklistId, checklist) = await chat.CardAsync("Checklist · 0 of");
        await chat.SubmitAsync(checklistId, Data(checklist, "checklist.set"));
        await chat.CardAsync("Checklist · 1 of");
        await chat.SayAsync("progress");
        await chat.CardAsync("Little Wittering: progress");

        // Every version of every card, as the bot sent it (Action.Execute and all).
        var fromBot = (await chat.ActivitiesAsync()).Where(a => a["from"]?["role"]?.GetValue<string>() == "bot").ToList();
        var cards = fromBot
            .SelectMany(a => a["attachments"]?.AsArray() ?? [])
            .Select(a => a!["content"]!)
            .ToList();
        var titles = string.Join("\n", cards.Select(c => c["body"]![0]!["text"]!.GetValue<string>()));
        foreach (var kind in (string[])["Hello, I'm PlanBot", "What I can do", "Start your plan", "Little Wittering's plan has started", "Step 1: Getting started", "Little Wittering: progress"])
        {
            Assert.Contains(kind, titles, StringComparison.Ordinal);
        }

        Assert.Contains(cards, c => EndToEnd.CardReading.AllText(c).Contains("Please check the answers marked below.", StringComparison.Ordinal));

        // The page shows them all through Web Chat (a failure to render is a console warning)…
        await using var tab = await PlaygroundTab.OpenAsync(_browser, Site(host));
        await tab.CardAsync(new Regex("Little Wittering: progress"));
        await Expect(tab.Cards(new Regex("."))).ToHaveCountAsync(fromBot.Select(a => a["id"]!.GetValue<string>()).Distinct().Count());

        // …and Web Chat's own Adaptive Cards package parses each one with no warnings at all.
        var warnings = await tab.Page.EvaluateAsync<string[]>(ParseWithWebChatsRenderer, new JsonArray([.. cards.Select(c => c.DeepClone())]).ToJsonString());
        Assert.True(warnings.Length == 0, "Adaptive Cards warnings:\n" + string.Join("\n", warnings));

        // The check itself can fail: a card with an unknown element is reported.
        var control = await tab.Page.EvaluateAsync<string[]>(ParseWithWebChatsRenderer, """[{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Control"},{"type":"Nonsense"}]}]""");
        Assert.Contains(control, w => w.Contains("Nonsense", StringComparison.Ordinal));
        tab.AssertNoProblems();
    }

    // Parses and renders each card with the package Web Chat renders with, collecting the parser's
    // events (unknown types, properties, versions) and the card's own validation events.
    private const string ParseWithWebChatsRenderer = """
        (json) => {
          const ac = window.playground && window.playground.adaptiveCards;
          if (!ac) return ['The page did not expose Web Chat\'s Adaptive Cards package.'];
          const warnings = [];
          JSON.parse(json).forEach((payload, index) => {
            const title = payload.body[0].text;
            const context = new ac.SerializationContext();
            const card = new ac.AdaptiveCard();
            card.parse(payload, context);
            for (let i = 0; i < context.eventCount; i++) {
              warnings.push(`${title}: parse: ${context.getEventAt(i).message}`);
            }
            for (const event of card.validateProperties().validationEvents) {
              warnings.push(`${title}: validation: ${event.message}`);
            }
            if (!card.render()) warnings.push(`${title}: did not render`);
          });
          return warnings;
        }
        """;

    private static JsonObject Data(JsonObject card, string verb) =>
        new() { ["cpVerb"] = verb, ["cpData"] = EndToEnd.CardReading.ActionData(card, verb) };

    private static Uri Site(BotHost host) => host.Client.BaseAddress!;

    // Each checklist row is a column set the whole of which is a button.
    private static ILocator ChecklistRows(ILocator checklist) => checklist.Locator(".ac-columnSet[role=button]");
}
