using CommunityPlanning.Testing;
using CommunityPlanning.Testing.BotFramework;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// Everything a Teams bot talks to, on loopback: the OpenID metadata and signing keys, the Entra token
/// endpoint (https), and the Connector. One per test class; hosts are started from it.
/// </summary>
public sealed class TeamsEnvironment : IAsyncLifetime
{
    public TestSigningKey Key { get; } = new("teams-key-1", "msteams");

    public OpenIdTestServer OpenId { get; private set; } = null!;

    public FakeTokenServer TokenServer { get; private set; } = null!;

    public FakeConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenId = await OpenIdTestServer.StartAsync();
        OpenId.SetChannelKeys(Key);
        TokenServer = await FakeTokenServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        await TokenServer.DisposeAsync();
        await OpenId.DisposeAsync();
        Key.Dispose();
    }

    /// <summary>A channel token for the fake Connector's serviceUrl, signed by <see cref="Key"/>.</summary>
    public string Bearer(TestSigningKey? key = null) => "Bearer " + TestTokens.Channel(key ?? Key, serviceUrl: Connector.ServiceUrl);

    internal TeamsHost StartHost(IDictionary<string, string?>? settings = null) => new(this, settings);
}
