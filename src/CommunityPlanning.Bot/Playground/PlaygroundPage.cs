using System.Text;
using Microsoft.Extensions.FileProviders;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The playground page and its script (from wwwroot/playground, read once at start-up) and where the
/// Web Chat bundle is: <c>Playground:WebChatBundle</c>, or tooling/webchat/ found above the content root
/// (scripts/run.sh fetches it there; it is not committed).
/// </summary>
internal sealed class PlaygroundPage
{
    /// <summary>The Web Chat version the page loads.</summary>
    public const string WebChatVersion = "4.18.1";

    /// <summary>The bundle's file name under tooling/webchat/.</summary>
    public const string BundleFileName = "webchat-" + WebChatVersion + ".js";

    /// <summary>The page's Content-Security-Policy: scripts from this host only, no inline script, no eval.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public PlaygroundPage(IWebHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        Html = Read(environment.WebRootFileProvider, "playground/index.html");
        Script = Read(environment.WebRootFileProvider, "playground/playground.js");
        BundlePath = configuration["Playground:WebChatBundle"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : FindBundle(environment.ContentRootPath);
    }

    /// <summary>The page.</summary>
    public string Html { get; }

    /// <summary>The page's script.</summary>
    public string Script { get; }

    /// <summary>Where the bundle is expected; it may not be there (yet).</summary>
    public string BundlePath { get; }

    private static string Read(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The playground's {path} is missing from wwwroot.");
        }

        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // The repository's tooling folder, above the content root (src/CommunityPlanning.Bot when run from source).
    private static string FindBundle(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tooling", "webchat", BundleFileName);
            if (File.Exists(candidate) || Directory.Exists(Path.Combine(dir.FullName, "tooling")))
            {
                return candidate;
            }
        }

        return Path.Combine(contentRoot, "tooling", "webchat", BundleFileName);
    }
}
