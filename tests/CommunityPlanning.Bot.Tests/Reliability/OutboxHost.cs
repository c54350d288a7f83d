using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Bot.Tests.Reliability;

/// <summary>
/// The real host (Kestrel on loopback, Development) on a fake clock and given Azurite tables, so a test can
/// stop it, start another on the same tables, or run two side by side, and drive the outbox dispatcher.
/// </summary>
internal sealed class OutboxHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public OutboxHost(FakeTimeProvider clock, string tablePrefix, string? connectionString = null)
    {
        Clock = clock;
        TablePrefix = tablePrefix;
        _connectionString = connectionString ?? Azurite.ConnectionString;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public FakeTimeProvider Clock { get; }

    public string TablePrefix { get; }

    public HttpClient Client { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    /// <summary>Moves the clock on and runs one dispatcher pass to its end.</summary>
    public async Task<int> PassAsync(TimeSpan advance)
    {
        Clock.Advance(advance);
        return await Dispatcher.RunOnceAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("BotAuth:AllowLoopbackServiceUrls", "true");
        // Passes are run by the tests (PassAsync); the timer would only race them.
        builder.UseSetting("Outbox:Interval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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
