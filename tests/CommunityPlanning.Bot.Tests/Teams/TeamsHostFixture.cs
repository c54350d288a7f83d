namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>One Teams environment and one authenticated host, shared by the tests of a class.</summary>
public sealed class TeamsHostFixture : IAsyncLifetime
{
    public TeamsEnvironment Environment { get; } = new();

    internal TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Environment.InitializeAsync();
        Host = Environment.StartHost();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Environment.DisposeAsync();
    }
}
