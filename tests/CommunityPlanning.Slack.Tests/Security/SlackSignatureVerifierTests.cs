using System.Text;
using CommunityPlanning.Slack.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPlanning.Slack.Tests.Security;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published example (PROTOCOLS.md).
    private const string ExampleSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string ExampleTimestamp = "1531420618";
    private const string ExampleSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string ExampleBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(ExampleBody);

    [Fact]
    public void Check_PublishedExample_IsValid()
    {
        var verifier = Verifier(ExampleSecret, 1531420618);

        Assert.Equal(SignatureCheck.Valid, verifier.Check(ExampleTimestamp, ExampleSignature, Body));
    }

    [Theory]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(-301, SignatureCheck.Future)]
    public void Check_ClockSkew_AcceptsFiveMinutesEitherWay(int nowMinusTimestamp, SignatureCheck expected)
    {
        var verifier = Verifier(ExampleSecret, 1531420618 + nowMinusTimestamp);

        Assert.Equal(expected, verifier.Check(ExampleTimestamp, ExampleSignature, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoSecret_RefusesEvenAGoodSignature(string? secret)
    {
        var verifier = Verifier(secret, 1531420618);

        Assert.Equal(SignatureCheck.NoSecret, verifier.Check(ExampleTimestamp, ExampleSignature, Body));
    }

    [Theory]
    [InlineData(null, ExampleSignature, SignatureCheck.Missing)]
    [InlineData(ExampleTimestamp, null, SignatureCheck.Missing)]
    [InlineData("15314206l8", ExampleSignature, SignatureCheck.Malformed)]
    [InlineData("-1531420618", ExampleSignature, SignatureCheck.Malformed)]
    [InlineData(ExampleTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnknownVersion)]
    [InlineData(ExampleTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnknownVersion)]
    [InlineData(ExampleTimestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", SignatureCheck.Mismatch)]
    [InlineData(ExampleTimestamp, "v0=a2114d57", SignatureCheck.Mismatch)]
    [InlineData(ExampleTimestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    public void Check_BadHeaders_AreRefused(string? timestamp, string? signature, SignatureCheck expected)
    {
        var verifier = Verifier(ExampleSecret, 1531420618);

        Assert.Equal(expected, verifier.Check(timestamp, signature, Body));
    }

    [Fact]
    public void Check_UppercaseHex_IsAccepted()
    {
        var verifier = Verifier(ExampleSecret, 1531420618);

        Assert.True(verifier.IsValid(ExampleTimestamp, "v0=" + ExampleSignature[3..].ToUpperInvariant(), Body));
    }

    [Fact]
    public void Check_ChangedBody_IsMismatch()
    {
        var verifier = Verifier(ExampleSecret, 1531420618);

        Assert.Equal(SignatureCheck.Mismatch, verifier.Check(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody + "&x=1")));
    }

    private static SlackSignatureVerifier Verifier(string? secret, long now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
}
