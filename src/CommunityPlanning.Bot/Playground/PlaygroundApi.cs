namespace CommunityPlanning.Bot.Playground;

/// <summary>The page at <c>/</c>, its script, the Web Chat bundle, and "reset this demo group".</summary>
internal static class PlaygroundApi
{
    /// <summary>Where the page loads Web Chat from.</summary>
    public const string BundleUrl = "/playground/" + PlaygroundPage.BundleFileName;

    /// <summary>Shown when the bundle has not been fetched.</summary>
    public const string BundleMissing = "Run scripts/run.sh to fetch Web Chat.";

    public static IEndpointRouteBuilder MapPlaygroundPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty).AddEndpointFilter(LoopbackOnly.FilterAsync);
        group.MapGet("/", Page);
        group.MapGet("/playground/playground.js", Script);
        group.MapGet(BundleUrl, Bundle);
        group.MapPost("/playground/reset", ResetAsync).DisableAntiforgery();
        return endpoints;
    }

    private static IResult Page(HttpContext context, PlaygroundPage page)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PlaygroundPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(page.Html, "text/html; charset=utf-8");
    }

    private static IResult Script(HttpContext context, PlaygroundPage page)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(page.Script, "text/javascript; charset=utf-8");
    }

    private static IResult Bundle(HttpContext context, PlaygroundPage page)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return File.Exists(page.BundlePath)
            ? TypedResults.PhysicalFile(page.BundlePath, "text/javascript; charset=utf-8")
            : TypedResults.NotFound(BundleMissing);
    }

    // Needs the demo conversation's token, which only the page has: another site cannot send the header.
    private static async Task<IResult> ResetAsync(HttpContext context, PlaygroundConversations conversations, DemoGroupReset reset)
    {
        if (conversations.Find(context.Request.Headers.Authorization, out _) is not { } conversation)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        // Tokens go first, so nothing new is posted while the rows are deleted.
        await conversations.ForgetDemoAsync(context.RequestAborted).ConfigureAwait(false);
        await reset.DeleteAsync(conversation.Id, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
