using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CommunityPlanning.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// One member's browser tab on the playground, in its own browser context (its own storage, like
/// another person's computer). Collects every console warning and error and every page error.
/// </summary>
internal sealed class PlaygroundTab : IAsyncDisposable
{
    public static readonly string ScreenshotFolder = RepoRoot.Combine("artifacts", "screenshots");

    private readonly IBrowserContext _context;

    private PlaygroundTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add("page error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };

        // The reset button asks first; a person would say yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public IPage Page { get; }

    public ConcurrentBag<string> Problems { get; } = [];

    public ILocator SendBox => Page.Locator("[data-id=\"webchat-sendbox-input\"]");

    public ILocator Status => Page.Locator("#status");

    public static async Task<PlaygroundTab> OpenAsync(IBrowser browser, Uri site, string path = "/")
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 1000 }, Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var tab = new PlaygroundTab(context, page);
        await page.GotoAsync(new Uri(site, path).ToString());
        return tab;
    }

    /// <summary>Types a message and sends it with Enter.</summary>
    public async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    /// <summary>The Adaptive Cards in the transcript whose text matches.</summary>
    public ILocator Cards(Regex text) => Page.Locator(".ac-adaptiveCard").Filter(new() { HasTextRegex = text });

    /// <summary>
    /// Waits for the latest card whose text matches, and returns it. A new message is awaited until Web
    /// Chat has scrolled it into view, so screenshots show it; a card further up (one updated in place)
    /// is scrolled to instead, since Web Chat may scroll away again when later messages arrive.
    /// </summary>
    public async Task<ILocator> CardAsync(Regex text, bool scrollToIt = false)
    {
        var card = Cards(text).Last;
        await Expect(card).ToBeVisibleAsync();
        if (scrollToIt)
        {
            await card.ScrollIntoViewIfNeededAsync();
        }
        else
        {
            await Expect(card).ToBeInViewportAsync();
        }

        return card;
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>Fails the test with every console warning or error, page error and failed request seen.</summary>
    public void AssertNoProblems() => Assert.True(Problems.IsEmpty, "The page reported problems:\n" + string.Join("\n", Problems));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
