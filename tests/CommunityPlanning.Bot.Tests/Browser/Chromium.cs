using CommunityPlanning.Testing;
using Microsoft.Playwright;

namespace CommunityPlanning.Bot.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright (no browser download: Playwright is pointed at the system
/// build). On CI (CI=true) a missing Chromium is a failure; elsewhere browser tests are skipped.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium is not installed at {ExecutablePath}, so the browser tests cannot run. " +
        "Install it with: apt-get install -y --no-install-recommends chromium";

    /// <summary>Where scripts/lib.sh's ensure_webchat puts Microsoft's Web Chat bundle (not committed).</summary>
    public static string WebChatBundle => RepoRoot.Combine("tooling", "webchat", "webchat-4.18.1.js");

    /// <summary>Fails with what to do when the Web Chat bundle has not been fetched.</summary>
    public static void RequireWebChatBundle() =>
        Assert.True(File.Exists(WebChatBundle), $"The Web Chat bundle is missing ({WebChatBundle}). Run scripts/test.sh, or: bash -c 'source scripts/lib.sh && ensure_webchat'");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(MissingMessage + " (CI=true makes this a failure.)");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

/// <summary>
/// A test that needs Chromium: skipped with a clear message when it is missing, unless CI=true, when
/// it runs and fails. (xUnit v2 cannot skip at run time, so the attribute decides when it is read.)
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            Skip = Chromium.MissingMessage + " Skipped because CI is not \"true\".";
        }
    }
}
