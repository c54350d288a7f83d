using System.Net;
using CommunityPlanning.Bot.Tests.EndToEnd;
using CommunityPlanning.Testing.BotFramework;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>Valid tokens get through, our own token goes to the Connector, and rotated keys are picked up.</summary>
public sealed class InboundAuthAcceptanceTests : IAsyncLifetime
{
    private readonly TeamsEnvironment _environment = new();
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        await _environment.InitializeAsync();
        _host = _environment.StartHost();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task PostActivity_ValidToken_AnsweredWithOurOwnTokenAttached()
    {
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel());

        var response = await _host.PostAsync(activities.MessageToBot("help"), _environment.Bearer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await _environment.Connector.NextAsync();
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/v3/conversations/{activities.ConversationId}/activities", call.Path);
        Assert.Equal("Bearer connector-token-1", call.Authorization);
        Assert.Contains("What I can do", call.AllText(), StringComparison.Ordinal);
        var (path, form) = Assert.Single(_environment.TokenServer.Received);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", path);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
    }

    [Fact]
    public async Task PostActivity_TwoTurns_OneTokenRequestAndOneKeyFetch()
    {
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel());

        await _host.PostAsync(activities.MessageToBot("help"), _environment.Bearer());
        await _host.PostAsync(activities.MessageToBot("progress"), _environment.Bearer());

        Assert.Equal(2, _environment.Connector.All.Count);
        Assert.All(_environment.Connector.All, c => Assert.Equal("Bearer connector-token-1", c.Authorization));
        Assert.Equal(1, _environment.TokenServer.Requests);
        Assert.Equal(1, _environment.OpenId.ChannelKeyFetches);
    }

    [Fact]
    public async Task PostActivity_KeysRotated_NewKeyIdPickedUpAtOnce()
    {
        var activities = new TeamsActivities(_environment.Connector.ServiceUrl, TeamsActivities.NewChannel());
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activities.MessageToBot("help"), _environment.Bearer())).StatusCode);
        await _environment.Connector.NextAsync();

        using var next = new TestSigningKey("teams-key-2", "msteams");
        _environment.OpenId.SetChannelKeys(next);
        var response = await _host.PostAsync(activities.MessageToBot("progress"), _environment.Bearer(next));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hasn't started its plan", (await _environment.Connector.NextAsync()).AllText(), StringComparison.Ordinal);
        Assert.Equal(2, _environment.OpenId.ChannelKeyFetches);

        // The retired key is no longer accepted.
        var retired = await _host.PostAsync(activities.MessageToBot("help"), _environment.Bearer());
        Assert.Equal(HttpStatusCode.Unauthorized, retired.StatusCode);
    }
}
