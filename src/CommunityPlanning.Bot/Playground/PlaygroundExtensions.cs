using CommunityPlanning.Bot.Playground.Gallery;

namespace CommunityPlanning.Bot.Playground;

/// <summary>
/// The local playground: the bot in Microsoft's Web Chat at <c>/</c>, over a Direct Line-compatible
/// endpoint, for Development on this machine only.
/// </summary>
internal static class PlaygroundExtensions
{
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddSingleton<PlaygroundPage>();
        services.AddSingleton<PlaygroundConversations>();
        services.AddSingleton<PlaygroundBot>();
        services.AddSingleton<DemoGroupReset>();
        services.AddSingleton<CardGallery>();
        return services;
    }

    /// <summary>Maps the playground in Development; elsewhere it does not exist.</summary>
    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapPlaygroundPages();
        app.MapDirectLine();
        app.MapLocalConnector();
        app.MapCardGallery();
        return app;
    }
}
