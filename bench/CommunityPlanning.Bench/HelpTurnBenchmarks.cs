using CommunityPlanning.Testing;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CommunityPlanning.Conversations;
using CommunityPlanning.Domain.Ports;
using CommunityPlanning.Teams;
using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Teams.Hosting;
using CommunityPlanning.Teams.Protocol;
using CommunityPlanning.Testing.BotFramework;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CommunityPlanning.Bench;

/// <summary>
/// The whole inbound path of a Teams "@PlanBot help" message as the host runs it, minus the network:
/// JSON to activity, token check (cached keys), mapping to a turn, load, routing, the help card, save,
/// rendering the Adaptive Card and the reply activity, and the Connector call (answered in memory).
/// Storage is <see cref="InMemoryGroupStore"/>; the Connector is an in-memory HTTP handler.
/// </summary>
[MemoryDiagnoser]
public class HelpTurnBenchmarks
{
    private long _activityIds = 1_700_000_000_000;

    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private OpenIdTestServer _server = null!;
    private TestSigningKey _key = null!;
    private ServiceProvider _services = null!;
    private BotFrameworkHandler _handler = null!;
    private byte[] _body = null!;
    private string _authorization = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _key = new TestSigningKey("bench-channel", "msteams");
        _server = await OpenIdTestServer.StartAsync();
        _server.SetChannelKeys(_key);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "unused",
            ["BotAuth:OpenIdMetadataUrl"] = _server.ChannelMetadataUrl,
            ["BotAuth:EmulatorOpenIdMetadataUrl"] = _server.EmulatorMetadataUrl,
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment());
        services.AddSingleton(TimeProvider.System);
        ConfigureStore(services);
        // Our own token is fixed: acquiring it is cached work in production too.
        services.AddSingleton<IConnectorTokenProvider, FixedTokenProvider>();
        services.AddConversations();
        services.AddTeams(configuration);
        services.AddHttpClient(TeamsServiceCollectionExtensions.ConnectorHttpClient).ConfigurePrimaryHttpMessageHandler(() => new InMemoryConnectorHandler());
        // Teams allows 7 sends a second per conversation; a benchmark sends thousands to one, so the
        // throttle gets a clock on which a second passes between sends.
        services.AddSingleton(new ConversationThrottle(new SecondPerCallClock()));
        _services = services.BuildServiceProvider();
        _handler = _services.GetRequiredService<BotFrameworkHandler>();

        _authorization = "Bearer " + TestTokens.Channel(_key, serviceUrl: ServiceUrl);
        _body = Encoding.UTF8.GetBytes($$"""
            {
              "type": "message", "id": "1700000000001", "channelId": "msteams", "serviceUrl": "{{ServiceUrl}}",
              "timestamp": "2025-03-14T10:00:00.000Z", "locale": "en-GB",
              "from": { "id": "29:sam", "name": "Sam Jones", "aadObjectId": "8c2a3f8e-0000-4000-8000-000000000001" },
              "recipient": { "id": "28:{{TestTokens.AppId}}", "name": "PlanBot" },
              "conversation": { "id": "19:planning@thread.tacv2;messageid=1700000000001", "conversationType": "channel", "isGroup": true, "tenantId": "tenant-1" },
              "channelData": { "tenant": { "id": "tenant-1" }, "teamsChannelId": "19:planning@thread.tacv2", "teamsTeamId": "19:team@thread.tacv2" },
              "text": "<at>PlanBot</at> help",
              "entities": [
                { "type": "mention", "text": "<at>PlanBot</at>", "mentioned": { "id": "28:{{TestTokens.AppId}}", "name": "PlanBot" } },
                { "type": "clientInfo", "locale": "en-GB", "platform": "Web" }
              ]
            }
            """);

        // The first turn fetches the keys and writes the member and reference rows; measured turns do neither.
        var first = await HelpTurn();
        if (first.Status != 200)
        {
            throw new InvalidOperationException($"The help turn answered {first.Status}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        _key.Dispose();
    }

    [Benchmark]
    public Task<BotResponse> HelpTurn()
    {
        var activity = ActivityJson.Read(_body)!;
        // A new delivery each time, as in real traffic (the same id twice would be a redelivery).
        activity.Id = Interlocked.Increment(ref _activityIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _handler.HandleAsync(activity, _authorization, IPAddress.Loopback);
    }

    /// <summary>Registers the group store: in memory here, Azure Tables on Azurite in the subclass.</summary>
    protected virtual void ConfigureStore(IServiceCollection services) => services.AddSingleton<IGroupStore, InMemoryGroupStore>();

    private sealed class FixedTokenProvider : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>("bench-token");
    }

    /// <summary>Answers every Connector call with 200 and an activity id, reading the request as a server would.</summary>
    private sealed class InMemoryConnectorHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"1700000000002\"}", Encoding.UTF8, "application/json") };
        }
    }

    private sealed class SecondPerCallClock : TimeProvider
    {
        private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "bench";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
