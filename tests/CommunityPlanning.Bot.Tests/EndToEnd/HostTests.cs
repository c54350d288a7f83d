using System.Net;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_AndReadyz_Answer200WhenStorageIsUp()
    {
        using var host = new BotHost();
        Assert.Equal("alive", await host.Client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await host.Client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Readyz_StorageUnreachable_Answers503()
    {
        var deadStorage = Azurite.ConnectionStringFor(Azurite.FreePort(), Azurite.FreePort());
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Storage:ConnectionString"] = deadStorage });
        var response = await host.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("alive", await host.Client.GetStringAsync("/healthz"));
    }

    [Theory]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/terms", "Terms")]
    public async Task SitePages_AreServedAsHtml(string path, string title)
    {
        using var host = new BotHost();
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title>{title}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WithoutAppId_RefusesToStart()
    {
        var ex = StartRefusal.Capture(Start);

        Assert.Contains("MicrosoftAppId", ex.ToString(), StringComparison.Ordinal);

        static void Start()
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
                builder.UseSetting("MicrosoftAppId", string.Empty);
                builder.UseSetting("Links:SigningKeys:k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
                builder.UseSetting("Links:CurrentKeyId", "k1");
                builder.UseSetting("PublicBaseUrl", "https://bot.example.org");
            });
            factory.CreateClient();
        }
    }

    [Fact]
    public void StorageServiceUri_WithoutQueueServiceUri_RefusesToStart()
    {
        var ex = StartRefusal.Capture(() => new BotHost(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = string.Empty,
            ["Storage:ServiceUri"] = "https://cpbotstore.table.core.windows.net/",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        }).Dispose());
        Assert.Contains("Storage:QueueServiceUri", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationInsightsConnectionString_SwitchesTelemetryOn()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Equal("alive", await host.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public void NoConnectionString_LeavesTelemetryOff()
    {
        using var host = new BotHost();
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task StorageServiceUri_WithoutConnectionString_UsesTheAccountEndpointWithManagedIdentity()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = string.Empty,
            ["Storage:ServiceUri"] = "https://cpbotstore.table.core.windows.net/",
            ["Storage:QueueServiceUri"] = "https://cpbotstore.queue.core.windows.net/",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        });
        var table = host.Services.GetRequiredService<Azure.Data.Tables.TableClient>();
        Assert.Equal("cpbotstore", table.AccountName);
        Assert.Equal("https://cpbotstore.table.core.windows.net/", table.Uri.GetLeftPart(UriPartial.Authority) + "/");
        var queues = host.Services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>();
        Assert.Equal("https://cpbotstore.queue.core.windows.net/", queues.Uri.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Equal("alive", await host.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Production_ServesTheSiteHomePage_AndNoPlayground()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", Azurite.NewTablePrefix());
            builder.UseSetting("MicrosoftAppId", "6a1c2f3e-0000-4000-8000-000000000001");
            builder.UseSetting("MicrosoftAppPassword", "a-test-secret");
            builder.UseSetting("Links:SigningKeys:k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            builder.UseSetting("Links:CurrentKeyId", "k1");
            builder.UseSetting("PublicBaseUrl", "https://bot.example.org");
        });
        using var client = factory.CreateClient();

        var home = await client.GetStringAsync("/");
        Assert.Contains("PlanBot", home, StringComparison.Ordinal);
        Assert.DoesNotContain("playground", home, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/v3/directline/conversations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/playground/reset", null)).StatusCode);

        // And Bot Framework traffic without a token is refused.
        var unsigned = await client.PostAsync("/api/messages", new StringContent("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://smba.trafficmanager.net/uk/\",\"from\":{\"id\":\"29:x\"},\"conversation\":{\"id\":\"c\"},\"text\":\"help\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }
}
