using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CommunityPlanning.Conversations;
using CommunityPlanning.Conversations.Reminders;
using CommunityPlanning.Conversations.Turns;
using CommunityPlanning.Storage;
using CommunityPlanning.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>
/// The bot on a real Kestrel on loopback (Conversations + Storage on Azurite + Slack), talking to a
/// <see cref="FakeSlackApi"/>. Requests are signed like Slack signs them.
/// </summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5-test";
    public const string Team = "T1";
    private WebApplication _app = null!;

    public FakeSlackApi Slack { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TableClient Plans { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <summary>The host's clock: the system's, or the fake one given to <see cref="StartAsync"/>.</summary>
    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    /// <summary>Now on the host's clock, in Unix seconds (what Slack puts in X-Slack-Request-Timestamp).</summary>
    public long UnixNow => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The table and queue prefix: a second host given it works on the same storage.</summary>
    public string Prefix { get; private set; } = string.Empty;

    /// <summary>What the host logged, by event id.</summary>
    public LogWatch Logs { get; } = new();

    /// <summary>
    /// Starts the host; with <paramref name="clock"/> the host (and its signature window) runs on that clock. With
    /// <paramref name="reminders"/> the reminder dispatcher is there too (no background loop: a test runs it).
    /// </summary>
    public static async Task<SlackBotHost> StartAsync(Action<Dictionary<string, string?>>? configure = null, TimeProvider? clock = null, bool reminders = false, Action<IServiceCollection>? services = null)
    {
        var host = new SlackBotHost { Slack = await FakeSlackApi.StartAsync(), Clock = clock ?? TimeProvider.System };
        var prefix = Azurite.NewTablePrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = host.Slack.BaseUrl.ToString(),
            ["Slack:MessageInterval"] = "00:00:00",
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(host.Logs);
        builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddConversations();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddOutboxDispatcher(o =>
        {
            o.Interval = TimeSpan.FromMilliseconds(200);
            o.FirstBackoff = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddRosters();
        if (reminders)
        {
            builder.Services.AddSingleton(new ReminderOptions());
            builder.Services.AddSingleton<ReminderDispatcher>();
        }

        var app = builder.Build();
        try
        {
            app.MapSlackEndpoints();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await host.Slack.DisposeAsync();
            throw;
        }

        host._app = app;
        host.Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        host.Prefix = settings["Storage:TablePrefix"]!;
        host.Plans = new TableClient(Azurite.ConnectionString, host.Prefix + "plans");
        return host;
    }

    public static string GroupId(string channel) => new ConversationKey("slack", Team, channel).GroupId;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:");
        return "v0=" + Convert.ToHexStringLower(hmac.ComputeHash([.. prefix, .. body]));
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject payload, Action<HttpRequestMessage>? tweak = null) =>
        SendAsync("/api/slack/events", Encoding.UTF8.GetBytes(payload.ToJsonString()), "application/json", tweak);

    public Task<HttpResponseMessage> PostCommandAsync(IReadOnlyDictionary<string, string> fields, Action<HttpRequestMessage>? tweak = null) =>
        SendAsync("/api/slack/commands", Form(fields), "application/x-www-form-urlencoded", tweak);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload, Action<HttpRequestMessage>? tweak = null) =>
        SendAsync("/api/slack/interactions", Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded", tweak);

    /// <summary>Sends a body signed now with the right secret, unless <paramref name="tweak"/> changes the headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(string path, byte[] body, string contentType, Action<HttpRequestMessage>? tweak = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var ts = UnixNow;
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Sign(Secret, ts, body));
        tweak?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public async Task<int> CountStoredRowsAsync()
    {
        var count = 0;
        try
        {
            await foreach (var _ in Plans.QueryAsync<TableEntity>())
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The start-up initializer has not created the table yet: nothing can have been stored.
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private static byte[] Form(IReadOnlyDictionary<string, string> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
}
