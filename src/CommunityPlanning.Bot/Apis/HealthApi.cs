using CommunityPlanning.Storage;

namespace CommunityPlanning.Bot.Apis;

/// <summary>Liveness and readiness probes.</summary>
internal static class HealthApi
{
    public static WebApplication MapHealthApi(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("alive"));
        app.MapGet("/readyz", async Task<IResult> (StorageHealth storage, CancellationToken cancellationToken) =>
            await storage.IsReachableAsync(cancellationToken).ConfigureAwait(false)
                ? TypedResults.Text("ready")
                : TypedResults.Text("storage unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
