using CommunityPlanning.Bot.Progress;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing;
using Microsoft.Playwright;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// The card gallery (<c>/playground/cards</c>) in Chromium: every card the bot sends, rendered by the
/// Adaptive Cards renderer Web Chat uses with Teams light and dark host configs, must read well at a
/// phone's and a desktop's width. With <c>CP_UPDATE_DOCS_IMAGES=true</c> the user guide's pictures
/// (docs/images/cards/) are taken again from it.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class CardGalleryBrowserTests : IAsyncLifetime
{
    // The cards the user guide shows, at phone width in the light theme.
    private static readonly string[] GuidePictures = ["hello", "help", "plan-started", "step", "checklist", "action-new", "action-message-form", "actions", "meeting", "minutes", "progress"];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [BrowserFact]
    public async Task Gallery_EveryCardInBothThemes_NoCutButtonsLowContrastWarningsOrTallCards()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        var problems = new List<string>();
        foreach (var theme in (string[])["light", "dark"])
        {
            await using var tab = await OpenAsync(host, $"?theme={theme}");
            problems.AddRange((await tab.Page.EvaluateAsync<string[]>(GalleryChecks.Layout, new object[] { GalleryChecks.MinimumContrast, GalleryChecks.MaxPhoneHeight })).Select(p => $"{theme}: {p}"));
            problems.AddRange(tab.Problems.Select(p => $"{theme}: {p}"));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in the card gallery:\n" + string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task Gallery_WithoutMarkdown_ShowsNoBackslash()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        await using var tab = await OpenAsync(host, "?markdown=off");
        var problems = await tab.Page.EvaluateAsync<string[]>(GalleryChecks.Backslashes);
        Assert.True(problems.Length == 0, $"{problems.Length} backslashes on screen:\n" + string.Join("\n", problems));
        tab.AssertNoProblems();
    }

    [BrowserFact]
    public async Task GalleryChecks_ControlCard_AreSeenToFail()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        await using var tab = await OpenAsync(host, "?markdown=off&card=none");
        await tab.Page.EvaluateAsync(GalleryChecks.AddControlCard);
        var layout = await tab.Page.EvaluateAsync<string[]>(GalleryChecks.Layout, new object[] { GalleryChecks.MinimumContrast, GalleryChecks.MaxPhoneHeight });
        var backslashes = await tab.Page.EvaluateAsync<string[]>(GalleryChecks.Backslashes);

        Assert.Contains(layout, p => p.Contains("control at 560 px: button cut off", StringComparison.Ordinal));
        Assert.Contains(layout, p => p.Contains("control at 360 px: contrast", StringComparison.Ordinal));
        Assert.Contains(layout, p => p.Contains("control at 360 px: renderer warning", StringComparison.Ordinal));
        Assert.Contains(layout, p => p.Contains("px tall on a phone", StringComparison.Ordinal));
        Assert.Contains(backslashes, p => p.StartsWith("control at 360 px: backslash", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Gallery_EveryCard_HasAPictureAtBothWidths()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        var update = string.Equals(Environment.GetEnvironmentVariable("CP_UPDATE_DOCS_IMAGES"), "true", StringComparison.OrdinalIgnoreCase);
        var folder = update ? RepoRoot.Combine("docs", "images", "cards") : Path.Combine(PlaygroundTab.ScreenshotFolder, "cards");
        Directory.CreateDirectory(folder);
        await using var tab = await OpenAsync(host, "?width=360");
        var names = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.gallery-frame')].map(f => f.dataset.name)");
        Assert.Superset(new HashSet<string>(GuidePictures), new HashSet<string>(names));
        foreach (var name in update ? GuidePictures : names)
        {
            await tab.Page.Locator($".gallery-frame[data-name=\"{name}\"]").ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }

        tab.AssertNoProblems();
    }

    [BrowserFact]
    public async Task Gallery_ProgressCard_PictureLoadsWithAltTextAtPhoneAndDesktopWidths()
    {
        Chromium.RequireWebChatBundle();
        using var host = new BotHost();
        var update = string.Equals(Environment.GetEnvironmentVariable("CP_UPDATE_DOCS_IMAGES"), "true", StringComparison.OrdinalIgnoreCase);
        var folder = update ? RepoRoot.Combine("docs", "images", "cards") : Path.Combine(PlaygroundTab.ScreenshotFolder, "cards");
        Directory.CreateDirectory(folder);
        await using var tab = await OpenAsync(host, "?card=progress");

        // The picture comes from the host through its signed link: it must load, at its own size, with its words.
        await tab.Page.WaitForFunctionAsync("() => { const i = [...document.querySelectorAll('.gallery-frame img')]; return i.length === 2 && i.every(x => x.complete); }");
        var pictures = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.gallery-frame img')].map(i => i.naturalWidth + 'x' + i.naturalHeight + ' ' + i.alt)");
        Assert.All(pictures, p => Assert.StartsWith($"{ProgressPicture.Width}x{ProgressPicture.Height} Picture of the nine steps in four stages", p, StringComparison.Ordinal));
        foreach (var (width, name) in new[] { (360, "progress"), (560, "progress-desktop") })
        {
            await tab.Page.Locator($".gallery-frame[data-name=\"progress\"][data-width=\"{width}\"]").ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }

        tab.AssertNoProblems();
    }

    private async Task<PlaygroundTab> OpenAsync(BotHost host, string query)
    {
        var tab = await PlaygroundTab.OpenAsync(_browser, host.Client.BaseAddress!, "/playground/cards" + query);
        await tab.Page.WaitForSelectorAsync("body[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal("true", await tab.Page.GetAttributeAsync("body", "data-ready"));
        return tab;
    }
}
