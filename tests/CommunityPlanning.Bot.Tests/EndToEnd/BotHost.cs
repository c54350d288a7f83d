using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>
/// The real host on Kestrel (loopback, a free port) in Development, on its own Azurite tables.
/// Restart it with the same <see cref="TablePrefix"/> to check that state survives.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(string? tablePrefix = null, IDictionary<string, string?>? settings = null)
    {
        TablePrefix = tablePrefix ?? Azurite.NewTablePrefix();
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["BotAuth:AllowLoopbackServiceUrls"] = "true",

            // The address comes from settings, not UseKestrel(port): with a port, the factory rewrites the
            // server's addresses after the app has started binding, a race (dotnet/aspnetcore#67714).
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel();
        StartServer();
        Client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public string TablePrefix { get; }

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }

        base.Dispose(disposing);
    }
}
