using CommunityPlanning.Teams.Auth;
using CommunityPlanning.Teams.Connector;
using CommunityPlanning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPlanning.Teams.Tests.Connector;

/// <summary>A real <see cref="ConnectorClient"/> pointed at a <see cref="FakeConnector"/> on loopback.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private ConnectorHarness(FakeConnector fake, bool allowLoopback)
    {
        Fake = fake;
        Client = new ConnectorClient(
            _http,
            Tokens,
            new ServiceUrlPolicy(allowLoopback),
            new ConversationThrottle(TimeProvider.System),
            TimeProvider.System,
            NullLogger<ConnectorClient>.Instance);
    }

    public FakeConnector Fake { get; }

    public CountingTokenProvider Tokens { get; } = new();

    public ConnectorClient Client { get; }

    public static async Task<ConnectorHarness> StartAsync(bool allowLoopback = true) => new(await FakeConnector.StartAsync(), allowLoopback);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}

/// <summary>Hands out a fixed token and counts how often it was asked.</summary>
public sealed class CountingTokenProvider : IConnectorTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<string?>("test-token");
    }
}
