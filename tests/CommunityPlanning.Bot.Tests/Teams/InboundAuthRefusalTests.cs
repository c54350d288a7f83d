using System.Net;
using CommunityPlanning.Testing.BotFramework;

namespace CommunityPlanning.Bot.Tests.Teams;

/// <summary>
/// Every way a request can fail authentication, through Kestrel: 401, and nothing processed, sent or
/// stored. Nothing in this class ever succeeds, so the host's tables and the fake Connector stay empty.
/// </summary>
public sealed class InboundAuthRefusalTests : IClassFixture<TeamsHostFixture>, IDisposable
{
    private readonly TeamsHostFixture _fixture;
    private readonly TestSigningKey _webchatOnly = new("teams-key-webchat", "webchat");

    public InboundAuthRefusalTests(TeamsHostFixture fixture)
    {
        _fixture = fixture;
        Environment.OpenId.SetChannelKeys(Environment.Key, _webchatOnly);
    }

    private TeamsEnvironment Environment => _fixture.Environment;

    public static TheoryData<string> Failures() =>
    [
        "wrong issuer",
        "wrong audience",
        "expired",
        "not yet valid",
        "bad signature",
        "unknown key id",
        "serviceUrl mismatch",
        "missing endorsement",
        "no header",
        "Bearer garbage",
        "not Bearer",
        "unsigned",
    ];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task PostActivity_BadToken_401AndNothingProcessedOrStored(string failure)
    {
        var activities = new TeamsActivities(Environment.Connector.ServiceUrl, TeamsActivities.NewChannel());

        var response = await _fixture.Host.PostAsync(activities.MessageToBot("start"), Header(failure));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Environment.Connector.All);
        Assert.Empty(_fixture.Host.PlanRows());
        Assert.Empty(_fixture.Host.Rows("people"));
        Assert.Equal(0, Environment.TokenServer.Requests);
    }

    public void Dispose() => _webchatOnly.Dispose();

    private string? Header(string failure)
    {
        var serviceUrl = Environment.Connector.ServiceUrl;
        var now = DateTime.UtcNow;
        switch (failure)
        {
            case "wrong issuer":
                return Bearer(TestTokens.Channel(Environment.Key, issuer: "https://api.botframework.com.evil.example", serviceUrl: serviceUrl));
            case "wrong audience":
                return Bearer(TestTokens.Channel(Environment.Key, audience: "11111111-2222-3333-4444-555555555555", serviceUrl: serviceUrl));
            case "expired":
                return Bearer(TestTokens.Channel(Environment.Key, serviceUrl: serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)));
            case "not yet valid":
                return Bearer(TestTokens.Channel(Environment.Key, serviceUrl: serviceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1)));
            case "bad signature":
            {
                // Same key id as the published key, different private key.
                using var impostor = new TestSigningKey(Environment.Key.KeyId, "msteams");
                return Bearer(TestTokens.Channel(impostor, serviceUrl: serviceUrl));
            }

            case "unknown key id":
            {
                using var unknown = new TestSigningKey("teams-key-never-published", "msteams");
                return Bearer(TestTokens.Channel(unknown, serviceUrl: serviceUrl));
            }

            case "serviceUrl mismatch":
                return Bearer(TestTokens.Channel(Environment.Key, serviceUrl: "https://smba.trafficmanager.net/emea/"));
            case "missing endorsement":
                return Bearer(TestTokens.Channel(_webchatOnly, serviceUrl: serviceUrl));
            case "no header":
                return null;
            case "Bearer garbage":
                return "Bearer garbage";
            case "not Bearer":
                return "Basic " + Convert.ToBase64String("bot:s3cret"u8);
            case "unsigned":
                return Bearer(TestTokens.Unsigned());
            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, null);
        }
    }

    private static string Bearer(string token) => "Bearer " + token;
}
