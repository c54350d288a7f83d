using System.Net;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// An authenticated activity whose serviceUrl is not on the allowlist: the turn is handled, but nothing is
/// sent and the bot never even asks for its token, so it cannot leak to that host.
/// </summary>
public sealed class ServiceUrlAllowlistTests : IAsyncLifetime
{
    private readonly TeamsEnvironment _environment = new();
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        await _environment.InitializeAsync();
        _host = _environment.StartHost(new Dictionary<string, string?> { ["BotAuth:AllowLoopbackServiceUrls"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task PostActivity_ServiceUrlNotAllowed_NoTokenRequestedAndNothingSent()
    {
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel());

        var response = await _host.PostAsync(activities.MessageToBot("help"), _environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _environment.TokenServer.Requests);
        Assert.Empty(_environment.Connector.All);
    }
}
