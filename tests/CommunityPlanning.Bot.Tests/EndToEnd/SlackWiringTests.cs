using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>The real host serves Slack's endpoints, refusing anything unsigned.</summary>
public sealed class SlackWiringTests
{
    private const string Secret = "test-signing-secret-0123456789abcdef";

    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/interactions")]
    public async Task SlackEndpoint_Unsigned_Returns401(string path)
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Slack:SigningSecret"] = Secret, ["Slack:BotToken"] = "xoxb-test" });
        var response = await host.Client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Events_SignedUrlVerification_AnswersTheChallenge()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Slack:SigningSecret"] = Secret, ["Slack:BotToken"] = "xoxb-test" });
        const string body = "{\"type\":\"url_verification\",\"challenge\":\"abc123\",\"token\":\"x\"}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);

        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("abc123", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
