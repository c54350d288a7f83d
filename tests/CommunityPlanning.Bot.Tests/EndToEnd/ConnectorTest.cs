using CommunityPlanning.Testing;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>
/// An end-to-end test with a fake Connector of its own, started before each test and stopped after it, and the
/// activities a channel would send that name it as their service URL.
/// </summary>
public abstract class ConnectorTest : IAsyncLifetime
{
    /// <summary>The fake Teams Connector the host replies through.</summary>
    protected FakeConnector Connector { get; private set; } = null!;

    /// <summary>Builds the activities a channel would post, pointing at <see cref="Connector"/>.</summary>
    private protected Activities Activities { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Activities = new Activities(Connector.ServiceUrl);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Connector.DisposeAsync();
}
