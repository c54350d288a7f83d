using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Bot.Tests.Meetings;

/// <summary>
/// The real host (Kestrel on loopback, Development, its own Azurite tables) on a fake clock, so a test can
/// move time on by hours and watch the background services act.
/// </summary>
internal sealed class FakeClockHost : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? _services;

    public FakeClockHost(FakeTimeProvider clock, Action<IServiceCollection>? services = null)
    {
        Clock = clock;
        _services = services;
        TablePrefix = Azurite.NewTablePrefix();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        Client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public FakeTimeProvider Clock { get; }

    public string TablePrefix { get; }

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("BotAuth:AllowLoopbackServiceUrls", "true");
        foreach (var (key, value) in MeetingFlow.LinkSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
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
