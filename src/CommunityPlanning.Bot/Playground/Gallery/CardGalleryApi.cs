using System.Text;
using Microsoft.Extensions.FileProviders;

namespace CommunityPlanning.Bot.Playground.Gallery;

/// <summary>
/// The card gallery at <c>/playground/cards</c> (Development, loopback only, like the rest of the
/// playground): the page, its script, the Teams host configs, the gallery's cards as JSON, and the
/// Adaptive Cards renderer from tooling/adaptivecards/ (fetched by scripts/lib.sh, not committed).
/// </summary>
internal static class CardGalleryApi
{
    /// <summary>The Adaptive Cards version Web Chat 4.18.1 bundles.</summary>
    public const string AdaptiveCardsFileName = "adaptivecards-3.0.6.min.js";

    // The page's files under wwwroot/playground/gallery/: only these are served.
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["cards.js"] = "text/javascript; charset=utf-8",
        ["teams-light.json"] = "application/json; charset=utf-8",
        ["teams-dark.json"] = "application/json; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapCardGallery(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/playground").AddEndpointFilter(LoopbackOnly.FilterAsync);
        group.MapGet("/cards", Page);
        group.MapGet("/cards.json", CardsAsync);
        group.MapGet("/gallery/adaptivecards.js", Renderer);
        group.MapGet("/gallery/{file}", File);
        return endpoints;
    }

    private static IResult Page(HttpContext context, IWebHostEnvironment environment)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PlaygroundPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(Read(environment.WebRootFileProvider, "playground/gallery/cards.html"), "text/html; charset=utf-8");
    }

    private static async Task<IResult> CardsAsync(HttpContext context, CardGallery gallery)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        var json = await gallery.ToJsonAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Content(json.ToJsonString(), "application/json; charset=utf-8");
    }

    private static IResult File(HttpContext context, string file, IWebHostEnvironment environment)
    {
        if (!Files.TryGetValue(file, out var contentType))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Read(environment.WebRootFileProvider, "playground/gallery/" + file), contentType);
    }

    private static IResult Renderer(HttpContext context, PlaygroundPage page)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var path = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(page.BundlePath)!)!, "adaptivecards", AdaptiveCardsFileName);
        return System.IO.File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/javascript; charset=utf-8")
            : TypedResults.NotFound("Run scripts/run.sh to fetch the Adaptive Cards renderer.");
    }

    private static string Read(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The card gallery's {path} is missing from wwwroot.");
        }

        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
