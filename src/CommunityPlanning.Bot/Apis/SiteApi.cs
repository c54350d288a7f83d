using CommunityPlanning.Bot.Hosting;

namespace CommunityPlanning.Bot.Apis;

/// <summary>The small public site the Teams manifest links to: home, privacy and terms.</summary>
internal static class SiteApi
{
    public static WebApplication MapSiteApi(this WebApplication app)
    {
        app.MapGet("/privacy", (SitePages pages) => TypedResults.Content(pages.Privacy, "text/html; charset=utf-8"));
        app.MapGet("/terms", (SitePages pages) => TypedResults.Content(pages.Terms, "text/html; charset=utf-8"));
        if (!app.Environment.IsDevelopment())
        {
            app.MapGet("/", (SitePages pages) => TypedResults.Content(pages.Home, "text/html; charset=utf-8"));
        }

        return app;
    }
}
