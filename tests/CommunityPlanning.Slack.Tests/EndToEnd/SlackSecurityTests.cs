using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Security;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Slack.Tests.EndToEnd;

/// <summary>Requests Slack did not sign (or signed too long ago) change nothing.</summary>
public sealed class SlackSecurityTests : IAsyncLifetime
{
    // The host runs on a fake clock far from the real one, so signature windows are exact: no second
    // boundary can fall between signing and checking, and a test signed on the wall clock would fail.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Paths => new() { "/api/slack/events", "/api/slack/commands", "/api/slack/interactions" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_Unsigned_Is401AndNothingStored(string path)
    {
        var response = await SendAsync(path, r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Remove("X-Slack-Request-Timestamp");
        });

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_StaleTimestamp_Is401AndNothingStored(string path) =>
        await AssertRefusedAsync(await SendSignedAtAsync(path, _host.UnixNow - SlackSignatureVerifier.MaxSkewSeconds - 1));

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_FutureTimestamp_Is401AndNothingStored(string path) =>
        await AssertRefusedAsync(await SendSignedAtAsync(path, _host.UnixNow + SlackSignatureVerifier.MaxSkewSeconds + 1));

    [Theory]
    [InlineData(-SlackSignatureVerifier.MaxSkewSeconds)]
    [InlineData(SlackSignatureVerifier.MaxSkewSeconds)]
    public async Task Request_TimestampAtTheWindowsEdge_IsAccepted(long offset)
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"url_verification\",\"challenge\":\"edge\"}");
        var ts = _host.UnixNow + offset;
        var response = await _host.SendAsync("/api/slack/events", body, "application/json", r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Remove("X-Slack-Request-Timestamp");
            r.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
            r.Headers.Add("X-Slack-Signature", SlackBotHost.Sign(SlackBotHost.Secret, ts, body));
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("edge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SignedOnTheWallClock_Is401WhileTheHostClockIsElsewhere()
    {
        // Proves the host checks the window on its own (fake) clock, not the machine's.
        var response = await SendSignedAtAsync("/api/slack/events", TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

        await AssertRefusedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Request_WrongSecret_Is401AndNothingStored(string path)
    {
        var body = Body(path);
        var ts = _host.UnixNow;
        var response = await _host.SendAsync(path, body, ContentType(path), r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Add("X-Slack-Signature", SlackBotHost.Sign("not-the-secret", ts, body));
        });

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Request_BodyChangedAfterSigning_Is401()
    {
        var body = Body("/api/slack/events");
        var ts = _host.UnixNow;
        var signature = SlackBotHost.Sign(SlackBotHost.Secret, ts, body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("progress", "checklist", StringComparison.Ordinal));
        var response = await _host.SendAsync("/api/slack/events", tampered, "application/json", r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Add("X-Slack-Signature", signature);
        });

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Request_UnknownSignatureVersion_Is401()
    {
        var body = Body("/api/slack/events");
        var response = await _host.SendAsync("/api/slack/events", body, "application/json", r =>
        {
            var v0 = r.Headers.GetValues("X-Slack-Signature").Single();
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Add("X-Slack-Signature", "v1=" + v0[3..]);
        });

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task Request_Over256KB_Is413()
    {
        var payload = Payloads.Mention("C1", new string('a', 300 * 1024), "EvBig");

        var response = await _host.PostEventAsync(payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _host.CountStoredRowsAsync());
    }

    [Fact]
    public async Task Host_WithoutSigningSecret_SlackPathsAre404AndNothingStored()
    {
        // Slack is off without a signing secret: its endpoints are not mapped at all.
        await using var open = await SlackBotHost.StartAsync(s => s["Slack:SigningSecret"] = null);

        var response = await open.PostEventAsync(Payloads.Mention("C1", "progress", "EvNoSecret"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await open.CountStoredRowsAsync());
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _host.CountStoredRowsAsync());
        Assert.Empty(_host.Slack.Calls("chat.postMessage"));
        Assert.Empty(_host.Slack.Calls("views.open"));
    }

    private Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> tweak) =>
        _host.SendAsync(path, Body(path), ContentType(path), tweak);

    private Task<HttpResponseMessage> SendSignedAtAsync(string path, long ts)
    {
        var body = Body(path);
        return _host.SendAsync(path, body, ContentType(path), r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Remove("X-Slack-Request-Timestamp");
            r.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
            r.Headers.Add("X-Slack-Signature", SlackBotHost.Sign(SlackBotHost.Secret, ts, body));
        });
    }

    private static string ContentType(string path) => path.EndsWith("events", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded";

    // Bodies that would change stored state if they were accepted.
    private static byte[] Body(string path)
    {
        if (path.EndsWith("events", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(Payloads.Mention("C1", "progress", "Ev" + Guid.NewGuid().ToString("N")).ToJsonString());
        }

        var fields = path.EndsWith("commands", StringComparison.Ordinal)
            ? Payloads.Command("C1", "progress")
            : new Dictionary<string, string>
            {
                ["payload"] = new JsonObject
                {
                    ["type"] = "view_submission",
                    ["team"] = new JsonObject { ["id"] = SlackBotHost.Team },
                    ["user"] = new JsonObject { ["id"] = "U1", ["name"] = "u1" },
                    ["trigger_id"] = "t1",
                    ["view"] = new JsonObject
                    {
                        ["id"] = "V1",
                        ["private_metadata"] = new CommunityPlanning.Slack.Rendering.ModalMetadata("C1", null, "plan.create", new Dictionary<string, string> { ["g"] = SlackBotHost.GroupId("C1") }).Encode(),
                        ["state"] = new JsonObject { ["values"] = new JsonObject { ["communityName"] = Payloads.TextValue("Evil Town"), ["planType"] = Payloads.SelectValue("CommunityLedPlan") } },
                    },
                }.ToJsonString(),
            };
        return Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
    }
}
